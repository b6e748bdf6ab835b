package io.seismo.tests;

import io.seismo.daemon.journal.JournalReader;
import io.seismo.tests.harness.Cluster;
import io.seismo.tests.harness.Cluster.AgentInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A log file rotated by rename and then by copytruncate while it is being written: every sequence-numbered
 * line reaches the daemon's journal exactly once.
 */
class RotationEndToEndTest {
    private static final int LINES_PER_PHASE = 3_000;
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    @TempDir
    Path dir;

    @Test
    void shouldDeliverEveryLineExactlyOnceAcrossRenameAndCopytruncate() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path live = logs.resolve("app.log");
        int total = 3 * LINES_PER_PHASE;
        try (Cluster cluster = new Cluster(dir)) {
            cluster.startDaemon("sinks: [ { type: stdout } ]\n");
            cluster.awaitDaemonReady();
            cluster.startAgent(List.of(new AgentInput(logs + "/app.log*", "app")));

            int seq = 0;
            seq = write(live, seq, LINES_PER_PHASE);
            // logrotate's default: rename, then the application opens a new file at the same path.
            Files.move(live, logs.resolve("app.log.1"), StandardCopyOption.ATOMIC_MOVE);
            seq = write(live, seq, LINES_PER_PHASE);
            // logrotate's copytruncate: copy, then cut the live file to zero while the writer keeps its handle.
            Files.copy(live, logs.resolve("app.log.2"));
            try (FileChannel channel = FileChannel.open(live, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            write(live, seq, LINES_PER_PHASE);

            await("every line ingested").atMost(Duration.ofSeconds(90))
                    .until(() -> cluster.probe().metric("seismo_ingest_events_total") >= total);
            cluster.close();

            Map<Integer, Integer> seen = journaledSequences(cluster.journalDir());
            assertThat(seen.keySet()).as("sequence numbers journaled\n%s", cluster.outputs()).hasSize(total);
            assertThat(seen).allSatisfy((n, times) -> assertThat(times).as("line %d", n).isEqualTo(1));
            assertThat(seen.keySet()).containsAll(List.of(1, LINES_PER_PHASE, 2 * LINES_PER_PHASE + 1, total));
        }
    }

    /** Appends lines seq+1..seq+count in small bursts, the way a busy service writes, and returns the last seq. */
    private static int write(Path file, int seq, int count) throws IOException, InterruptedException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (int i = 1; i <= count; i++) {
                int n = seq + i;
                out.write(("{\"level\":\"INFO\",\"seq\":" + n + ",\"message\":\"request " + n + " handled\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
                if (i % 200 == 0) {
                    out.flush();
                    Thread.sleep(20);
                }
            }
        }
        return seq + count;
    }

    private static Map<Integer, Integer> journaledSequences(Path journal) throws IOException {
        Map<Integer, Integer> seen = new TreeMap<>();
        try (Stream<Path> segments = Files.list(journal)) {
            for (Path segment : segments.sorted().toList()) {
                JournalReader.read(segment, record -> {
                    Matcher m = SEQ.matcher(record.line());
                    if (m.find()) {
                        seen.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
                    }
                });
            }
        }
        return seen;
    }
}
