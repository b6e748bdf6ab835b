package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.seismo.rules.RuleText;
import io.seismo.rules.dsl.RuleLoadException;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.dsl.RuleSource;
import io.seismo.rules.event.EventKind;
import io.seismo.rules.event.MetricSample;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class MetricDetectionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withAllowedLatenessNanos(SECOND)
            .withIdleTimeoutNanos(3 * SECOND);

    @Test
    void shouldFireOnTheMaxOfTheFilteredSamplesAndResolve() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile("""
                metric('db-pool-saturated') {
                    name 'db_pool_in_use'
                    where { labels.pool == 'main' } by { service }
                    window sliding(10.seconds, 5.seconds)
                    fireWhen { max > 0.9 * 50 }
                    severity CRITICAL
                }
                """), OPTIONS);
        for (int second = 1; second <= 45; second += 2) {
            double inUse = second >= 15 && second <= 21 ? 48 : 40;
            driver.feed(sample(second, "db", "db_pool_in_use", inUse).withAttr("pool", "main"));
            driver.feed(sample(second, "db", "db_pool_in_use", 50).withAttr("pool", "reporting"));
            driver.feed(sample(second, "db", "other_metric", 99).withAttr("pool", "main"));
        }

        // 48 is seen at 15..21 s: in the windows [10, 20), [15, 25) and [20, 30), not in [25, 35).
        assertThat(driver.findings()).extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("db", true, at(20)), tuple("db", false, at(35)));
        Finding fired = driver.findings().get(0);
        // An explicit by names the label "key", as for threshold rules; only the default grouping says "service".
        assertThat(fired.labels()).isEqualTo(Map.of("alertname", "db-pool-saturated", "key", "db"));
        assertThat(fired.severity()).isEqualTo(Severity.CRITICAL);
        // [10, 20) holds the samples at 11, 13 (40) and 15, 17, 19 (48).
        assertThat(fired.values()).containsEntry("max", 48.0).containsEntry("min", 40.0).containsEntry("last", 48.0)
                .containsEntry("count", 5.0);
        assertThat(fired.condition()).isEqualTo("db_pool_in_use: max > 0.9 * 50");
        assertThat(fired.evidence().sampleMessages()).containsExactly("db_pool_in_use{pool=\"main\"} = 48.0");
    }

    @Test
    void shouldFireOnTheRateOfACounterAcrossAReset() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile("""
                metric('payment-failures') {
                    name 'payments_failed_total'
                    by { labels.instance }
                    window tumbling(10.seconds)
                    fireWhen { rate > 4 }
                }
                """), OPTIONS);
        double[] values = {10, 20, 5, 15}; // the counter restarted between 2 s and 4 s
        for (int i = 0; i < values.length; i++) {
            driver.feed(sample(2 * i, "payments", "payments_failed_total", values[i]).withAttr("instance", "pay-1"));
        }
        driver.feed(SyntheticEvent.log(at(13), "payments", null, "later").withKind(EventKind.LOG));

        // increase = 10 + 5 + 10 = 25 over the 6 s from the first to the last sample
        assertThat(driver.findings()).singleElement().satisfies(fired -> {
            assertThat(fired.firing()).isTrue();
            assertThat(fired.atNanos()).isEqualTo(at(10));
            assertThat(fired.labels()).containsEntry("key", "pay-1");
            assertThat(fired.values().get("rate")).isCloseTo(25.0 / 6, within(1e-12));
        });
    }

    @Test
    void shouldFireOnACounterThatFlatlinesAndResolveWhenItMovesAgain() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile("""
                metric('requests-flatline') {
                    name 'http_requests_total'
                    window tumbling(10.seconds)
                    fireWhen { count >= 3 && rate == 0 }
                }
                """), OPTIONS);
        // Scraped every 2 s: moving in [0, 10), stuck at 120 in [10, 20), moving again in [20, 30).
        double[] values = {100, 105, 110, 115, 120, 120, 120, 120, 120, 120, 125, 130, 135, 140, 145};
        for (int i = 0; i < values.length; i++) {
            driver.feed(sample(2 * i, "api", "http_requests_total", values[i]).withAttr(MetricSample.TYPE_ATTR, "counter"));
        }
        driver.feed(SyntheticEvent.log(at(33), "api", null, "later"));

        assertThat(driver.findings()).extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("api", true, at(20)), tuple("api", false, at(30)));
    }

    @Test
    void shouldFireOnAQuantileOfTheHistogramBuckets() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile("""
                metric('slow-requests') {
                    name 'http_request_duration_seconds'
                    window sliding(10.seconds, 5.seconds)
                    fireWhen { quantile(0.99) > 0.5 }
                }
                """), OPTIONS);
        Map<String, double[]> buckets = Map.of("0.1", new double[] {0, 30}, "0.5", new double[] {0, 90},
                "1", new double[] {0, 100}, "+Inf", new double[] {0, 100});
        for (int scrape = 0; scrape < 2; scrape++) {
            for (Map.Entry<String, double[]> bucket : buckets.entrySet()) {
                driver.feed(sample(1 + 5 * scrape, "api", "http_request_duration_seconds_bucket", bucket.getValue()[scrape])
                        .withAttr(MetricSample.BUCKET_BOUND_LABEL, bucket.getKey()));
            }
        }
        driver.feed(SyntheticEvent.log(at(18), "api", null, "later"));

        // [0, 10) holds both scrapes: the 0.99-quantile is 0.5 + 0.5 * (99 - 90) / 10 = 0.95. [5, 15) holds one
        // scrape, which gives no increase, so the quantile is NaN and the alert resolves.
        assertThat(driver.findings()).extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("api", true, at(10)), tuple("api", false, at(15)));
    }

    @Test
    void shouldRejectAMetricRuleWithoutAMetricName() {
        RuleLoadException e = Assertions.catchThrowableOfType(RuleLoadException.class, () -> RuleSet.compile(List.of(
                new RuleSource("bad.groovy", "metric('no-name') { fireWhen { max > 1 } }"))));

        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("name 'db_pool_in_use'"));
    }

    private static SyntheticEvent sample(double second, String service, String metric, double value) {
        return SyntheticEvent.log(at(second), service, null, metric).withKind(EventKind.METRIC)
                .withAttr(MetricSample.VALUE_ATTR, Double.toString(value))
                .withAttr(MetricSample.TYPE_ATTR, "gauge");
    }
}
