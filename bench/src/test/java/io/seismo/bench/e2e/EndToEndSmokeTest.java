package io.seismo.bench.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the end-to-end benchmark for a few seconds at a low rate with real processes, so that the harness cannot
 * rot: every figure is there, nothing is lost, and probe alerts were timed. It checks that it measures, never
 * how fast.
 */
class EndToEndSmokeTest {

    @Test
    void shouldMeasureAShortLowRateRunWithEveryFigureAndNoLoss() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        Path lib = root.resolve("packaging/target/lib");
        assumeTrue(Files.isDirectory(lib), "the distribution's jars (" + lib + ") are built by the packaging module");
        E2eOptions options = E2eOptions.parse(new String[] {"--rate", "2000", "--seconds", "4", "--warmup", "3",
                "--rules", "10", "--trace-keys", "1000", "--json", root.resolve("bench/target/e2e-smoke.json").toString()},
                root);

        JsonObject result = EndToEndBench.run(options);

        JsonObject figures = result.getJsonObject("figures");
        assertThat(figures.fieldNames()).containsAll(RunFigures.ORDER);
        assertThat(figures.getJsonObject(RunFigures.LOSS).getDouble("max")).isZero();
        assertThat(result.getBoolean("sustained")).isTrue();
        assertThat(figures.getJsonObject(RunFigures.EVENTS_PER_SECOND).getDouble("median")).isPositive();
        assertThat(figures.getJsonObject(RunFigures.LATENCY_SAMPLES).getDouble("median")).isGreaterThanOrEqualTo(1);
        // Each line's bytes, its record's 22 and its share of its batch's origin (the daemon's own counter; the
        // generator's mean line is a little off the window's).
        double lineBytes = figures.getJsonObject(RunFigures.FILE_MB_PER_SECOND).getDouble("median") * 1e6
                / figures.getJsonObject(RunFigures.EVENTS_PER_SECOND).getDouble("median");
        assertThat(figures.getJsonObject(RunFigures.JOURNAL_BYTES_PER_LINE).getDouble("median"))
                .isBetween(lineBytes + 10, lineBytes + 122);
        assertThat(median(figures, RunFigures.OUTBOX_SYNCS_PER_SECOND)).as("the probe's alerts go through the outbox")
                .isPositive();
        assertThat(median(figures, RunFigures.DAEMON_CPU_PER_LINE)).isPositive();
        for (ThreadRole role : ThreadRole.values()) {
            assertThat(median(figures, RunFigures.daemonCpuPerLine(role))).as(role.label()).isNotNull();
        }
        // Threads that ran for tenths of a second here: none of them was left to the rest by its name.
        for (ThreadRole busy : new ThreadRole[] {ThreadRole.CORRELATOR, ThreadRole.PARSE, ThreadRole.INGEST}) {
            assertThat(median(figures, RunFigures.daemonCpuPerLine(busy))).as(busy.label()).isPositive();
        }
        assertThat(result.getJsonObject("machine").getInteger("cores")).isPositive();
        try (InputStream age = Files.newInputStream(Path.of("/proc/sys/vm/dirty_expire_centisecs"))) {
            assertThat(result.getJsonObject("machine").getString("dirtyExpireCentisecs"))
                    .isEqualTo(new String(age.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
        String table = Table.render(result);
        assertThat(table).contains("line to webhook p99 ms", "events/s");
        System.out.print(table);
    }

    private static Double median(JsonObject figures, String name) {
        return figures.getJsonObject(name).getDouble("median");
    }
}
