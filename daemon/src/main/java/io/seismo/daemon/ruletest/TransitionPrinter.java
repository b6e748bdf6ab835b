package io.seismo.daemon.ruletest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seismo.rules.finding.Finding;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Prints what a replay would have fired and resolved: when (event time), which rule and key, the figures
 * against the condition, the window, and a sample line with its trace ids. Text for people, JSON lines for
 * scripts.
 */
public final class TransitionPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final boolean json;

    public TransitionPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public void print(ReplayResult result) {
        for (Finding finding : result.transitions()) {
            if (json) {
                out.println(toJson(finding));
            } else {
                printText(finding);
            }
        }
        if (!json) {
            out.printf("%d lines (%d unparsed, %d without a time, %d late): %d fired, %d resolved%n",
                    result.lines(), result.parseFailed(), result.withoutTime(), result.late(),
                    result.firings(), result.resolves());
        }
        out.flush();
    }

    private void printText(Finding finding) {
        out.printf("%s  %-8s %s [%s]  %s — %s  (window %s – %s)%n",
                Instant.ofEpochSecond(0, finding.atNanos()),
                finding.firing() ? "FIRING" : "RESOLVED",
                finding.ruleName(), finding.key(), figures(finding.values()), finding.condition(),
                Instant.ofEpochSecond(0, finding.windowStartNanos()), Instant.ofEpochSecond(0, finding.windowEndNanos()));
        if (finding.isCascade()) {
            out.printf("    root cause: %s; affected: %s%n", finding.cascade().rootService(),
                    String.join(", ", finding.cascade().affectedServices()));
            finding.cascade().metricAnomalies().forEach(anomaly -> out.printf("    metric anomaly: %s%n", anomaly.describe()));
        }
        if (finding.firing() && !finding.evidence().sampleMessages().isEmpty()) {
            out.printf("    e.g. \"%s\"%s%n", finding.evidence().sampleMessages().get(0),
                    finding.evidence().traceIds().isEmpty() ? ""
                            : "  traces: " + String.join(", ", finding.evidence().traceIds()));
        }
    }

    private static String figures(Map<String, Double> values) {
        return new TreeMap<>(values).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + number(entry.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.4g", value);
    }

    private static String toJson(Finding finding) {
        ObjectNode node = JSON.createObjectNode();
        node.put("at", Instant.ofEpochSecond(0, finding.atNanos()).toString());
        node.put("status", finding.firing() ? "firing" : "resolved");
        node.put("rule", finding.ruleName());
        node.put("kind", finding.kind().name().toLowerCase(Locale.ROOT));
        node.put("key", finding.key());
        node.put("windowStart", Instant.ofEpochSecond(0, finding.windowStartNanos()).toString());
        node.put("windowEnd", Instant.ofEpochSecond(0, finding.windowEndNanos()).toString());
        node.put("condition", finding.condition());
        ObjectNode labels = node.putObject("labels");
        new TreeMap<>(finding.labels()).forEach(labels::put);
        ObjectNode values = node.putObject("values");
        new TreeMap<>(finding.values()).forEach(values::put);
        finding.evidence().sampleMessages().forEach(node.putArray("samples")::add);
        finding.evidence().traceIds().forEach(node.putArray("traceIds")::add);
        if (finding.isCascade()) {
            node.put("rootCause", finding.cascade().rootService());
            finding.cascade().affectedServices().forEach(node.putArray("affected")::add);
        }
        return node.toString();
    }
}
