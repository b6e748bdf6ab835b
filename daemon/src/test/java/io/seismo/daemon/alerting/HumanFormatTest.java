package io.seismo.daemon.alerting;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class HumanFormatTest {

    @Test
    void shouldWriteDurationsTheWayPeopleDo() {
        assertThat(HumanFormat.duration(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(HumanFormat.duration(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(HumanFormat.duration(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(HumanFormat.duration(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(HumanFormat.duration(Duration.ofMinutes(90))).isEqualTo("1h30m");
    }

    @Test
    void shouldWriteFiguresWithoutNoise() {
        assertThat(HumanFormat.number(37.0)).isEqualTo("37");
        assertThat(HumanFormat.number(0.42)).isEqualTo("0.42");
        assertThat(HumanFormat.number(1.0 / 3)).isEqualTo("0.333");
    }
}
