package io.seismo.bench.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogGeneratorTest {

    @Test
    void shouldWriteAsFarAheadOfDeliveryAsTheBacklogAllowsAndNoFurther(@TempDir Path dir) throws Exception {
        Path log = Files.createFile(dir.resolve("app.log"));
        AtomicLong delivered = new AtomicLong();
        try (LogGenerator generator = new LogGenerator(List.of(log), Rate.MAX, new Backlog(500, delivered::get), 1_000)) {
            generator.start();
            await(() -> generator.linesWritten() >= 500);
            Thread.sleep(300); // the generator keeps trying the whole time
            assertWrittenUpTo(generator, 500);

            delivered.set(300);
            await(() -> generator.linesWritten() >= 800);
            Thread.sleep(100);
            assertWrittenUpTo(generator, 800);
        }
        assertThat(Files.readAllLines(log)).hasSizeGreaterThanOrEqualTo(800).allMatch(line -> line.startsWith("{\"@timestamp\""));
    }

    @Test
    void shouldLetAnUnboundedBacklogWriteWhateverIsDelivered() {
        assertThat(Backlog.UNBOUNDED.allowsAnother(Long.MAX_VALUE - 1)).isTrue();
        assertThat(new Backlog(10, () -> 5).allowsAnother(14)).isTrue();
        assertThat(new Backlog(10, () -> 5).allowsAnother(15)).isFalse();
        assertThatThrownBy(() -> new Backlog(-1, () -> 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadTheBacklogBoundAndBindItOnlyForAPipelineFlatOut() {
        Path root = Path.of(".");
        assertThat(E2eOptions.parse(new String[] {"--rate", "max"}, root).maxBacklog()).isEqualTo(E2eOptions.DEFAULT_MAX_BACKLOG);
        assertThat(E2eOptions.parse(new String[] {"--max-backlog", "5000"}, root).bindsBacklog()).isTrue();
        assertThat(E2eOptions.parse(new String[] {"--max-backlog", "0"}, root).bindsBacklog()).isFalse();
        assertThat(E2eOptions.parse(new String[] {"--rate", "20000"}, root).bindsBacklog()).isFalse();
        assertThat(E2eOptions.parse(new String[] {"--mode", "agent"}, root).bindsBacklog()).isFalse();
    }

    /** Written up to the bound and stopped there: only probe lines (never held back) may be past it. */
    private static void assertWrittenUpTo(LogGenerator generator, long bound) {
        long written = generator.linesWritten();
        assertThat(written).isBetween(bound, bound + generator.probesWritten()); // probes counted after: never fewer
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
