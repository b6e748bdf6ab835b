package io.seismo.bench.journal;

import io.seismo.bench.parse.SampleLines;
import io.seismo.daemon.journal.FsyncPolicy;
import io.seismo.daemon.journal.JournalOptions;
import io.seismo.daemon.journal.Origin;
import io.seismo.daemon.journal.SegmentedJournal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The journal handler's work per line: stage the record (the line's UTF-8 bytes as a ring slot holds them), its CRC,
 * and the batch's write to the file,
 * with a group commit every {@link #BATCH_LINES} lines as a ring batch has. The fsync policy is {@code interval},
 * so what is timed is the CPU's part, not the disk's; run with {@code -prof gc} for the bytes allocated per line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JournalBenchmark {
    static final int BATCH_LINES = 200;

    private final Origin origin = new Origin("agent-1", "host-1", "checkout", "/var/log/app.log", "app", 0);
    private Path dir;
    private SegmentedJournal journal;
    private byte[][] lines;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("seismo-journal-bench");
        journal = new SegmentedJournal(dir, new JournalOptions(64L << 20, FsyncPolicy.INTERVAL, Duration.ofSeconds(1)),
                () -> { });
        lines = Stream.of(SampleLines.of("json", 1024)).map(line -> line.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
    }

    /** The disk would fill over a run: segments written in an iteration go once it is over. */
    @TearDown(Level.Iteration)
    public void dropWrittenSegments() throws IOException {
        journal.commit();
        journal.files().deleteBefore(journal.position().segment());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        journal.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public void appendLine() throws IOException {
        int at = next++;
        byte[] line = lines[at & (lines.length - 1)];
        journal.append(origin, at, false, line, line.length);
        if (at % BATCH_LINES == BATCH_LINES - 1) {
            journal.commit();
        }
    }
}
