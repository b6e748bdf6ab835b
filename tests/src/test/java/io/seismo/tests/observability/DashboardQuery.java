package io.seismo.tests.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PromQL expression of a Grafana dashboard (a panel target, an annotation or a template variable), with
 * Grafana's variables replaced so Prometheus can run it: template variables by {@code .*} (the "All" value),
 * {@code $__rate_interval} and friends by fixed ranges that suit a 1 s scrape interval.
 */
record DashboardQuery(String dashboard, String where, String expr) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> BUILT_INS = Map.of(
            "__rate_interval", "15s",
            "__interval", "5s",
            "__range", "5m");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

    /** The expression Prometheus gets. */
    String promql() {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(BUILT_INS.getOrDefault(name, ".*")));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return dashboard + " / " + where + ": " + promql();
    }

    /** Every panel target's expression, rows' nested panels included. */
    static List<DashboardQuery> panelTargets(Path dashboardFile) throws IOException {
        JsonNode root = JSON.readTree(dashboardFile.toFile());
        List<DashboardQuery> queries = new ArrayList<>();
        collectPanels(name(dashboardFile), root.path("panels"), queries);
        return queries;
    }

    /** The annotation queries, which may rightly be empty (nothing changed) but must be valid PromQL. */
    static List<DashboardQuery> annotations(Path dashboardFile) throws IOException {
        List<DashboardQuery> queries = new ArrayList<>();
        for (JsonNode annotation : JSON.readTree(dashboardFile.toFile()).path("annotations").path("list")) {
            if (annotation.hasNonNull("expr")) {
                queries.add(new DashboardQuery(name(dashboardFile), "annotation '" + annotation.path("name").asText() + "'",
                        annotation.path("expr").asText()));
            }
        }
        return queries;
    }

    /** The template variables' {@code label_values(metric, label)}, as {@code count by (label) (metric)}. */
    static List<DashboardQuery> variables(Path dashboardFile) throws IOException {
        List<DashboardQuery> queries = new ArrayList<>();
        for (JsonNode variable : JSON.readTree(dashboardFile.toFile()).path("templating").path("list")) {
            Matcher m = LABEL_VALUES.matcher(variable.path("query").path("query").asText(variable.path("query").asText()));
            if (m.matches()) {
                queries.add(new DashboardQuery(name(dashboardFile), "variable '" + variable.path("name").asText() + "'",
                        "count by (" + m.group(2) + ") (" + m.group(1) + ")"));
            }
        }
        return queries;
    }

    /** The dashboards folder of this checkout (beside {@code mvnw}). */
    static Path dashboardsDir() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("mvnw"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("no mvnw above " + System.getProperty("user.dir") + ": not run from the checkout");
        }
        return here.resolve("dashboards");
    }

    private static void collectPanels(String dashboard, JsonNode panels, List<DashboardQuery> out) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    out.add(new DashboardQuery(dashboard, "panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(),
                            target.path("expr").asText()));
                }
            }
            collectPanels(dashboard, panel.path("panels"), out);
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
