package io.seismo.bench.e2e;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchFilesTest {
    private static final List<String> PACKAGED = List.of("-Xmx4g", "-XX:+UseG1GC", "-XX:MaxTenuringThreshold=1");

    @Test
    void shouldAddTheExtraOptionsAfterThePackagedOnes() {
        assertThat(BenchFiles.withExtraOptions(PACKAGED, " -Xlog:gc  -XX:+AlwaysPreTouch "))
                .containsExactly("-Xmx4g", "-XX:+UseG1GC", "-XX:MaxTenuringThreshold=1", "-Xlog:gc",
                        "-XX:+AlwaysPreTouch");
        assertThat(BenchFiles.withExtraOptions(PACKAGED, null)).isEqualTo(PACKAGED);
        assertThat(BenchFiles.withExtraOptions(PACKAGED, "  ")).isEqualTo(PACKAGED);
    }

    @Test
    void shouldLetACollectorChosenInTheExtraOptionsReplaceThePackagedOne() {
        assertThat(BenchFiles.withExtraOptions(PACKAGED, "-XX:+UseZGC"))
                .containsExactly("-Xmx4g", "-XX:MaxTenuringThreshold=1", "-XX:+UseZGC");
    }
}
