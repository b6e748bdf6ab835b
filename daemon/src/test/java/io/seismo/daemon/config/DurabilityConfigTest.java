package io.seismo.daemon.config;

import io.seismo.daemon.journal.FsyncPolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code durability:} section of seismo.yaml. */
class DurabilityConfigTest {
    private static final String BASE = "auth: { tokens: [ s3cret ] }\n";
    private final DaemonConfigLoader loader = new DaemonConfigLoader(Map.of());

    @Test
    void shouldDefaultToPerBatchFsyncAndCheckpointsEveryTenSeconds() {
        assertThat(parse("").durability()).isEqualTo(DurabilityConfig.defaults());
        assertThat(DurabilityConfig.defaults()).isEqualTo(new DurabilityConfig(FsyncPolicy.BATCH, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(10)));
    }

    @Test
    void shouldReadEveryKey() {
        DurabilityConfig durability = parse("""
                durability: { fsync: interval, fsyncInterval: 250ms, checkpointInterval: 30s, shutdownTimeout: 1m }
                """).durability();

        assertThat(durability).isEqualTo(new DurabilityConfig(FsyncPolicy.INTERVAL, Duration.ofMillis(250),
                Duration.ofSeconds(30), Duration.ofMinutes(1)));
    }

    @Test
    void shouldStillReadTheOlderJournalFsyncSwitch() {
        assertThat(parse("pipeline: { journalFsync: false }\n").durability().fsync()).isEqualTo(FsyncPolicy.INTERVAL);
        assertThat(parse("pipeline: { journalFsync: true }\n").durability().fsync()).isEqualTo(FsyncPolicy.BATCH);
    }

    @Test
    void shouldNameTheKeyOfABadValue() {
        assertThatThrownBy(() -> parse("durability: { fsync: sometimes }\n")).hasMessageContaining("durability.fsync");
        assertThatThrownBy(() -> parse("durability: { checkpointInterval: 0s }\n")).hasMessageContaining("durability.checkpointInterval");
        assertThatThrownBy(() -> parse("durability: { fsyncEvery: 1s }\n")).hasMessageContaining("fsyncEvery");
        assertThatThrownBy(() -> parse("durability: { fsync: batch }\npipeline: { journalFsync: true }\n"))
                .hasMessageContaining("pipeline.journalFsync");
    }

    private DaemonConfig parse(String yaml) {
        return loader.parse(BASE + yaml, Path.of("/etc/seismo"));
    }
}
