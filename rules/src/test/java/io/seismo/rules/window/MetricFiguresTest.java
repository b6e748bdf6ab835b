package io.seismo.rules.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricFiguresTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldCountACounterResetFromZeroInTheRate() {
        MetricSeries counter = new MetricSeries("requests_total{}", Double.NaN);
        counter.add(0, 10);
        counter.add(10 * SECOND, 20);
        counter.add(20 * SECOND, 5); // the process restarted and counted 5 since
        counter.add(30 * SECOND, 15);
        MetricFigures figures = new MetricFigures();

        counter.addTo(figures, 0, 31 * SECOND);

        // increase = (20 - 10) + 5 + (15 - 5) = 25 over the 30 s between the first and last sample
        assertThat(figures.rate()).isCloseTo(25.0 / 30, within(1e-12));
        assertThat(figures.count()).isEqualTo(4);
        assertThat(figures.last()).isEqualTo(15);
        assertThat(figures.min()).isEqualTo(5);
        assertThat(figures.max()).isEqualTo(20);
        assertThat(figures.avg()).isEqualTo(12.5);
    }

    @Test
    void shouldGiveNoRateFromASingleSample() {
        MetricSeries gauge = new MetricSeries("g{}", Double.NaN);
        gauge.add(SECOND, 3);
        MetricFigures figures = new MetricFigures();

        gauge.addTo(figures, 0, 10 * SECOND);

        assertThat(figures.rate()).isNaN();
        assertThat(figures.asValues()).containsOnlyKeys("count", "last", "min", "max", "avg");
    }

    @Test
    void shouldInterpolateQuantilesFromBucketIncreasesLikeHistogramQuantile() {
        MetricFigures figures = new MetricFigures();
        // Each bucket counted from 100 more than its start value over the window: 30 ≤ 0.1 s, 90 ≤ 0.5 s, 100 ≤ 1 s.
        bucket(figures, "0.1", 0.1, 30);
        bucket(figures, "0.5", 0.5, 90);
        bucket(figures, "1", 1, 100);
        bucket(figures, "+Inf", Double.POSITIVE_INFINITY, 100);

        // q 0.99: rank 99 lies in (0.5, 1] which holds 90..100: 0.5 + 0.5 * (99 - 90) / 10 = 0.95
        assertThat(figures.quantile(0.99)).isCloseTo(0.95, within(1e-12));
        // q 0.5: rank 50 lies in (0.1, 0.5] which holds 30..90: 0.1 + 0.4 * (50 - 30) / 60
        assertThat(figures.quantile(0.5)).isCloseTo(0.1 + 0.4 * 20 / 60, within(1e-12));
        // q 0.2: rank 20 lies in the first bucket, taken to start at 0: 0.1 * 20 / 30
        assertThat(figures.quantile(0.2)).isCloseTo(0.1 * 20 / 30, within(1e-12));
    }

    @Test
    void shouldAnswerTheHighestFiniteBoundForARankInTheInfBucketAndNaNWithoutOne() {
        MetricFigures figures = new MetricFigures();
        bucket(figures, "1", 1, 10);
        bucket(figures, "+Inf", Double.POSITIVE_INFINITY, 20);
        assertThat(figures.quantile(0.99)).isEqualTo(1);

        MetricFigures noInf = new MetricFigures();
        bucket(noInf, "1", 1, 10);
        assertThat(noInf.quantile(0.5)).isNaN();
    }

    private static void bucket(MetricFigures figures, String le, double bound, double increase) {
        MetricSeries series = new MetricSeries("h_bucket{le=\"" + le + "\"}", bound);
        series.add(0, 1000);
        series.add(5 * SECOND, 1000 + increase);
        series.addTo(figures, 0, 10 * SECOND);
    }
}
