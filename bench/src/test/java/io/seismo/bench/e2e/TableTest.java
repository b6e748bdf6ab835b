package io.seismo.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void shouldPrintCpuPerLineToHundredthsAndOtherFiguresToTenths() {
        String table = Table.render(result(new JsonObject()
                .put(RunFigures.EVENTS_PER_SECOND, figure(141_786.14, 140_000.05, 150_000.26))
                .put(RunFigures.daemonCpuPerLine(ThreadRole.JOURNAL), figure(0.754, 0.391, 0.806))));

        assertThat(lineOf(table, RunFigures.EVENTS_PER_SECOND)).contains("141,786.1", "140,000.1", "150,000.3");
        assertThat(lineOf(table, RunFigures.daemonCpuPerLine(ThreadRole.JOURNAL))).contains("0.75", "0.39", "0.81");
        assertThat(lineOf(table, RunFigures.DAEMON_CPU)).contains("not measured");
    }

    private static String lineOf(String table, String figure) {
        return table.lines().filter(line -> line.startsWith(figure + " ")).findFirst().orElseThrow();
    }

    private static JsonObject figure(double median, double min, double max) {
        return new JsonObject().put("median", median).put("min", min).put("max", max);
    }

    private static JsonObject result(JsonObject figures) {
        return new JsonObject()
                .put("machine", new JsonObject().put("cores", 2).put("cpu", "a CPU").put("memory", "24 GiB")
                        .put("jdk", "17").put("dirtyExpireCentisecs", "3000"))
                .put("mode", "pipeline").put("rate", "max").put("files", 2).put("rules", 100).put("traceKeys", 1_000_000)
                .put("warmupSeconds", 120L).put("measuredSeconds", 30L).put("runs", 1)
                .put("daemonSettings", "defaults").put("agentSettings", "defaults")
                .put("method", "a method").put("pinning", "none").put("sustained", true)
                .put("figures", figures);
    }
}
