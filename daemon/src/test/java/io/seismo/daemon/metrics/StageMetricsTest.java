package io.seismo.daemon.metrics;

import io.seismo.sink.AlertStatus;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-stage metrics other components feed: each appears in the scrape under its Prometheus name. */
class StageMetricsTest {
    private final DaemonMetrics metrics = new DaemonMetrics(new LabelCaps(1, 10, 10), () -> 0);

    @Test
    void shouldCountIngestPerAgentWithTheAgentsCapped() {
        metrics.agentIngest.accepted("web-1", 10, 1_000);
        metrics.agentIngest.accepted("web-1", 5, 500);
        metrics.agentIngest.accepted("web-2", 1, 100);

        Exposition scrape = Exposition.of(metrics.registry());
        assertThat(scrape.value("seismo_ingest_agent_events_total{agent=\"web-1\"}")).hasValue(15.0);
        assertThat(scrape.value("seismo_ingest_agent_bytes_total{agent=\"web-1\"}")).hasValue(1_500.0);
        assertThat(scrape.value("seismo_ingest_agent_events_total{agent=\"other\"}")).hasValue(1.0);
        assertThat(scrape.value("seismo_metric_label_overflow_total{label=\"agent\"}")).hasValue(1.0);
    }

    @Test
    void shouldReportEachHandlersLagBehindTheCursorAtScrapeTime() {
        AtomicLong cursor = new AtomicLong(100);
        metrics.handlerLag.track("journal", cursor::get, () -> 90);
        metrics.handlerLag.track("correlator", cursor::get, () -> 40);

        assertThat(Exposition.of(metrics.registry()).value("seismo_pipeline_handler_lag_events{handler=\"journal\"}")).hasValue(10.0);
        cursor.set(140);
        Exposition later = Exposition.of(metrics.registry());
        assertThat(later.value("seismo_pipeline_handler_lag_events{handler=\"journal\"}")).hasValue(50.0);
        assertThat(later.value("seismo_pipeline_handler_lag_events{handler=\"correlator\"}")).hasValue(100.0);
    }

    @Test
    void shouldClassifyParseFailuresIntoAFewReasonsAndKeepTheTotal() {
        metrics.parseFailures.inc("line does not match the pattern");
        metrics.parseFailures.inc("pattern backtracked too long on this line");
        metrics.parseFailures.inc("unterminated quote at column 7");
        metrics.parseFailures.inc("unterminated quote at column 9");
        metrics.parseFailures.inc("parser error: java.lang.IllegalStateException");
        metrics.parseFailures.inc();

        Exposition scrape = Exposition.of(metrics.registry());
        assertThat(scrape.value("seismo_parse_failures_total{reason=\"no_match\"}")).hasValue(1.0);
        assertThat(scrape.value("seismo_parse_failures_total{reason=\"too_slow\"}")).hasValue(1.0);
        assertThat(scrape.value("seismo_parse_failures_total{reason=\"malformed\"}")).hasValue(2.0);
        assertThat(scrape.value("seismo_parse_failures_total{reason=\"parser_error\"}")).hasValue(1.0);
        assertThat(scrape.value("seismo_parse_failures_total{reason=\"unknown\"}")).hasValue(1.0);
        assertThat(metrics.parseFailures.get()).isEqualTo(6.0);
    }

    @Test
    void shouldExportAlertsByStateAndSinkLatencyPerSink() {
        PrometheusAlertingMetrics alerting = new PrometheusAlertingMetrics(metrics);
        alerting.activeAlerts(3);
        alerting.notificationsSent("slack", AlertStatus.FIRING);
        alerting.deliverySeconds("slack", 0.2);
        alerting.deliverySeconds("slack", 3);

        Exposition scrape = Exposition.of(metrics.registry());
        assertThat(scrape.value("seismo_alerts{state=\"firing\"}")).hasValue(3.0);
        assertThat(scrape.value("seismo_sink_delivery_seconds_count{sink=\"slack\"}")).hasValue(2.0);
        assertThat(scrape.value("seismo_sink_delivery_seconds_bucket{sink=\"slack\",le=\"0.25\"}")).hasValue(1.0);
    }

    @Test
    void shouldTimeAndCountErrorsPerRule() {
        metrics.ruleMetrics.evaluationSeconds("checkout-errors").inc(0.002);
        metrics.ruleMetrics.evaluationErrors("checkout-errors").inc();

        Exposition scrape = Exposition.of(metrics.registry());
        assertThat(scrape.value("seismo_rule_evaluation_seconds_total{rule=\"checkout-errors\"}")).hasValue(0.002);
        assertThat(scrape.value("seismo_rule_evaluation_errors_total{rule=\"checkout-errors\"}")).hasValue(1.0);
    }
}
