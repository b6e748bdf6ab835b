package io.seismo.bench.e2e;

import io.vertx.core.json.JsonObject;

/** The result as a person reads it: the machine and settings, then one line per figure. */
final class Table {
    /** A figure's name, as wide as the longest, so that the columns line up. */
    private static final String NAME = "%-" + RunFigures.ORDER.stream().mapToInt(String::length).max().orElse(0) + "s";

    private Table() {
    }

    static String render(JsonObject result) {
        JsonObject machine = result.getJsonObject("machine");
        StringBuilder out = new StringBuilder()
                .append(String.format("machine: %d cores, %s, %s, %s; written data kept %s cs before writeback "
                                + "(vm.dirty_expire_centisecs)%n", machine.getInteger("cores"), machine.getString("cpu"),
                        machine.getString("memory"), machine.getString("jdk"), machine.getString("dirtyExpireCentisecs")))
                .append(String.format("mode %s, rate %s, %d files, %d threshold rules + cascade + probe, %,d trace keys, "
                                + "%d s warm-up, %d s measured, %d run(s)%n", result.getString("mode"), result.getString("rate"),
                        result.getInteger("files"), result.getInteger("rules"), result.getInteger("traceKeys"),
                        result.getLong("warmupSeconds"), result.getLong("measuredSeconds"), result.getInteger("runs")))
                .append("daemon: ").append(result.getString("daemonSettings")).append("; agent: ")
                .append(result.getString("agentSettings")).append(System.lineSeparator())
                .append("method: ").append(result.getString("method")).append(System.lineSeparator())
                .append("pinning: ").append(result.getString("pinning")).append("; sustained (no loss in any run): ")
                .append(result.getBoolean("sustained") ? "yes" : "NO").append(System.lineSeparator())
                .append(String.format(NAME + " %14s %14s %14s%n", "figure", "median", "min", "max"));
        JsonObject figures = result.getJsonObject("figures");
        for (String name : RunFigures.ORDER) {
            JsonObject figure = figures.getJsonObject(name);
            if (figure == null || figure.getDouble("median") == null) {
                out.append(String.format(NAME + " %14s%n", name, "not measured"));
            } else {
                String number = " %,14." + RunFigures.decimals(name) + "f";
                out.append(String.format(NAME + number + number + number + "%n", name, figure.getDouble("median"),
                        figure.getDouble("min"), figure.getDouble("max")));
            }
        }
        return out.append("line to webhook: HdrHistogram of probe alerts; ingest to finding: the upper bound of the ")
                .append("seismo_ingest_to_finding_seconds bucket the quantile falls in, over the measured window; in 5 ms: ")
                .append("the share of findings in its buckets up to 5 ms (issue 8's target for the p99); ingest to ")
                .append("correlator: the same of seismo_ingest_to_correlator_seconds, how long a line (one in 64) waited ")
                .append("for the correlator to take it")
                .append(System.lineSeparator()).toString();
    }
}
