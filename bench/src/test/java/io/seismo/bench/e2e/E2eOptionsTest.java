package io.seismo.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class E2eOptionsTest {
    private final Path root = Path.of(".");

    @Test
    void shouldMeasureThePipelineAfterTwoMinutesOfWarmUpByDefault() {
        E2eOptions options = E2eOptions.parse(new String[] {}, root);

        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(120));
        assertThat(options.measure()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldKeepTheAgentsWarmUpShortSinceAtFullRateItIsTheBacklogDrained() {
        E2eOptions options = E2eOptions.parse(new String[] {"--mode", "agent"}, root);

        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.measure()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void shouldTakeTheTimesGiven() {
        E2eOptions options = E2eOptions.parse(new String[] {"--warmup", "30", "--seconds", "5"}, root);

        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.measure()).isEqualTo(Duration.ofSeconds(5));
    }
}
