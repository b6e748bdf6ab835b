package io.seismo.agent.scrape;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SampleEncoderTest {
    private final SampleEncoder encoder = new SampleEncoder(Map.of("env", "prod", "pool", "target-wins"));

    @Test
    void shouldWriteTheDocumentedLineWithTargetLabelsWinning() {
        ScrapedSample sample = new ScrapedSample("db_pool_in_use", Map.of("pool", "main", "instance", "db-1"), 48,
                ScrapedSample.NO_TIMESTAMP, "gauge");

        assertThat(encoder.encode(sample, 1_700_000_000_000L)).isEqualTo("{\"metric\":\"db_pool_in_use\",\"value\":48.0,"
                + "\"labels\":{\"env\":\"prod\",\"instance\":\"db-1\",\"pool\":\"target-wins\"},"
                + "\"ts\":1700000000000,\"type\":\"gauge\"}");
    }

    @Test
    void shouldKeepTheSamplesOwnTimestampAndSpellNonFiniteValuesAsStrings() {
        ScrapedSample sample = new ScrapedSample("x_bucket", Map.of("le", "+Inf"), Double.POSITIVE_INFINITY, 42L, "histogram");

        assertThat(encoder.encode(sample, 1_700_000_000_000L)).contains("\"value\":\"+Inf\"").contains("\"ts\":42,");
        assertThat(encoder.encode(new ScrapedSample("n", Map.of(), Double.NaN, 1L, "untyped"), 0))
                .contains("\"value\":\"NaN\"");
    }
}
