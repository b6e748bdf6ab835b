package io.seismo.agent.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointStoreTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatItWroteAndLeaveNoTempFile() throws Exception {
        CheckpointStore store = new CheckpointStore(dir);
        List<CheckpointEntry> entries = List.of(
                new CheckpointEntry("aa", "/var/log/a.log", 1024, "ff00", 4096, 1_700_000_000_000L),
                new CheckpointEntry("bb", "/var/log/b.log", 12, "00ff", 12, 1_700_000_000_001L));
        List<ScrapeCheckpoint> scrapes = List.of(
                new ScrapeCheckpoint("scrape:http://127.0.0.1:9187/metrics", "http://127.0.0.1:9187/metrics", 40, 100_040));
        store.save(entries, scrapes);
        store.save(entries, scrapes);

        assertThat(store.load().entries()).isEqualTo(entries);
        assertThat(store.load().scrapes()).isEqualTo(scrapes);
        assertThat(store.load().problem()).isNull();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(CheckpointStore.FILE_NAME);
        }
    }

    @Test
    void shouldReadACheckpointWrittenBeforeScrapingExisted() throws Exception {
        Files.writeString(dir.resolve(CheckpointStore.FILE_NAME), "{\"version\":1,\"files\":[]}");

        CheckpointStore.Restored restored = new CheckpointStore(dir).load();

        assertThat(restored.scrapes()).isEmpty();
        assertThat(restored.problem()).isNull();
    }

    @Test
    void shouldStartEmptyWithoutAFile() throws Exception {
        CheckpointStore.Restored restored = new CheckpointStore(dir).load();
        assertThat(restored.entries()).isEmpty();
        assertThat(restored.problem()).isNull();
    }

    @Test
    void shouldSetAsideAnUnreadableFileAndSaySo() throws Exception {
        Files.writeString(dir.resolve(CheckpointStore.FILE_NAME), "{\"version\":1,\"files\":[{\"sou");
        CheckpointStore.Restored restored = new CheckpointStore(dir).load();

        assertThat(restored.entries()).isEmpty();
        assertThat(restored.problem()).contains("could not be read").contains("moved to");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .singleElement().asString().startsWith(CheckpointStore.FILE_NAME + ".corrupt-");
        }
    }
}
