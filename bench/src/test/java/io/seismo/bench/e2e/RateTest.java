package io.seismo.bench.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateTest {

    @Test
    void shouldReadLinesPerSecondMegabytesPerSecondAndMax() {
        assertThat(Rate.parse("20000")).isEqualTo(new Rate(20_000, Rate.Unit.LINES));
        assertThat(Rate.parse("5MB")).isEqualTo(new Rate(5_000_000, Rate.Unit.BYTES));
        assertThat(Rate.parse("2.5mb/s")).isEqualTo(new Rate(2_500_000, Rate.Unit.BYTES));
        assertThat(Rate.parse("max").isMax()).isTrue();
    }

    @Test
    void shouldSpreadWhatIsDueEvenlyOverTime() {
        assertThat(new Rate(20_000, Rate.Unit.LINES).dueAfter(500_000_000L)).isEqualTo(10_000);
        assertThat(Rate.MAX.dueAfter(1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldRejectARateItCannotRead() {
        assertThatThrownBy(() -> Rate.parse("fast")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--rate");
    }
}
