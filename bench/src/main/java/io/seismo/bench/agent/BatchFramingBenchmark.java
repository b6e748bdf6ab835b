package io.seismo.bench.agent;

import io.seismo.agent.config.BatchLimits;
import io.seismo.agent.ship.BatchBuilder;
import io.seismo.agent.ship.ShipSource;
import io.seismo.agent.tail.LineView;
import io.seismo.bench.ByteCounter;
import io.seismo.bench.parse.SampleLines;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The agent's work per line once it has read it: the line framed into the batch body, batches
 * sealed and their arrays reused as the agent does, with JSON lines of the end-to-end shape. Bytes of file per
 * second are the {@code bytes} rate. The agent ships with C1 alone: run with
 * {@code -jvmArgsAppend -XX:TieredStopAtLevel=1} for its figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchFramingBenchmark {
    private static final ShipSource SOURCE = new ShipSource("bench", "checkout", "/var/log/checkout.log",
            ShipSource.Kind.LOG);

    private final LineView view = new LineView();
    private final BatchBuilder builder = new BatchBuilder(BatchLimits.DEFAULT);
    private byte[][] lines;
    private int next;
    private long offset;

    @Setup
    public void setUp() {
        String[] text = SampleLines.of("json", 1024);
        lines = new byte[text.length][];
        for (int i = 0; i < text.length; i++) {
            lines[i] = text[i].getBytes(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public int encode(ByteCounter counter) {
        byte[] line = lines[next++ & (lines.length - 1)];
        long end = offset + line.length + 1;
        view.set(offset, end, line, 0, line.length, false);
        if (!builder.offer(view, 0)) {
            builder.recycle(builder.seal(SOURCE));
            builder.offer(view, 0);
        }
        offset = end;
        counter.bytes += line.length + 1;
        return builder.bufferedBytes();
    }
}
