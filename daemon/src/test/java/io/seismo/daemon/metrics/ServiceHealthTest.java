package io.seismo.daemon.metrics;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceHealthTest {
    private final AtomicLong now = new AtomicLong(1_700_000_000L);
    private final DaemonMetrics metrics = new DaemonMetrics(new LabelCaps(10, 2, 10), now::get);

    @Test
    void shouldCountEventsAndErrorsPerService() {
        metrics.serviceHealth.record("checkout", false);
        metrics.serviceHealth.record("checkout", true);
        metrics.serviceHealth.record("auth", false);

        Exposition scrape = Exposition.of(metrics.registry());
        assertThat(scrape.value("seismo_service_events_total{service=\"checkout\"}")).hasValue(2.0);
        assertThat(scrape.value("seismo_service_errors_total{service=\"checkout\"}")).hasValue(1.0);
        assertThat(scrape.value("seismo_service_events_total{service=\"auth\"}")).hasValue(1.0);
        assertThat(scrape.value("seismo_service_errors_total{service=\"auth\"}")).hasValue(0.0);
    }

    @Test
    void shouldComputeTheErrorRatioOverTheLastMinuteOnly() {
        for (int i = 0; i < 10; i++) {
            metrics.serviceHealth.record("checkout", true); // an old burst of errors
        }
        now.addAndGet(30);
        for (int i = 0; i < 4; i++) {
            metrics.serviceHealth.record("checkout", i == 0);
        }
        assertThat(ratio("checkout")).isEqualTo(11.0 / 14);

        now.addAndGet(45); // the burst is now more than a minute old
        assertThat(ratio("checkout")).isEqualTo(0.25);

        now.addAndGet(60);
        assertThat(ratio("checkout")).isZero();
    }

    @Test
    void shouldCountServicesPastTheCapAsOtherAndSaySo() {
        metrics.serviceHealth.record("a", false);
        metrics.serviceHealth.record("b", false);
        metrics.serviceHealth.record("c", true);
        metrics.serviceHealth.record("d", false);

        Exposition scrape = Exposition.of(metrics.registry());
        assertThat(scrape.value("seismo_service_events_total{service=\"other\"}")).hasValue(2.0);
        assertThat(scrape.value("seismo_service_errors_total{service=\"other\"}")).hasValue(1.0);
        assertThat(scrape.value("seismo_service_events_total{service=\"c\"}")).isEmpty();
        assertThat(scrape.value("seismo_metric_label_overflow_total{label=\"service\"}")).hasValue(2.0);
    }

    private double ratio(String service) {
        return Exposition.of(metrics.registry()).value("seismo_service_error_ratio{service=\"" + service + "\"}").orElseThrow();
    }
}
