package io.seismo.agent.ship;

import io.seismo.agent.config.BatchLimits;
import io.seismo.agent.tail.LineView;
import io.seismo.agent.testing.FramedLines;
import io.seismo.agent.testing.FramedLines.Frame;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchBuilderTest {
    private static final long LINGER_NANOS = Duration.ofMillis(200).toNanos();

    @Test
    void shouldFrameEachLineWithItsOffsetCutAndBytesAsTheyAre() {
        BatchBuilder builder = new BatchBuilder(new BatchLimits(10, 4096, Duration.ofMillis(200)));
        builder.offer(line(0, 11, "say \"hi\"\t", false), 0);
        builder.offer(line(11, 80, "cut", true), 0);
        Batch batch = builder.seal(new ShipSource("src", "svc", "/var/log/a.log", ShipSource.Kind.LOG));

        assertThat(frames(batch)).containsExactly(new Frame(0, "say \"hi\"\t", false), new Frame(11, "cut", true));
        assertThat(batch.bodyLength()).as("two headers and the bytes, nothing escaped").isEqualTo(2 * 13 + 9 + 3);
        assertThat(batch.firstOffset()).isZero();
        assertThat(batch.lastOffset()).isEqualTo(80);
        assertThat(builder.isEmpty()).isTrue();
    }

    @Test
    void shouldPassBytesThatAreNotUtf8OnForTheDaemonToDecode() {
        BatchBuilder builder = new BatchBuilder(new BatchLimits(10, 4096, Duration.ofMillis(200)));
        byte[] bytes = {'a', (byte) 0xC3, '"', '\n', (byte) 0xFF};
        builder.offer(new LineView().set(7, 13, bytes, 0, bytes.length, false), 0);
        Batch batch = builder.seal(new ShipSource("src", "svc", "/var/log/a.log", ShipSource.Kind.LOG));

        assertThat(Arrays.copyOfRange(batch.body(), 13, batch.bodyLength())).isEqualTo(bytes);
    }

    @Test
    void shouldFillTheArrayOfASettledBatchAgainAndNeverOneStillInFlight() {
        BatchBuilder builder = new BatchBuilder(new BatchLimits(10, 4096, Duration.ofMillis(200)));
        ShipSource source = new ShipSource("src", "svc", "/var/log/a.log", ShipSource.Kind.LOG);
        builder.offer(line(0, 20, "first batch, longer line", false), 0);
        Batch first = builder.seal(source);
        builder.recycle(first); // answered: nobody reads its body any more
        builder.offer(line(20, 30, "second", false), 0);
        Batch second = builder.seal(source); // in flight from here on
        builder.offer(line(30, 33, "ab", false), 0);
        Batch third = builder.seal(source);

        assertThat(second.body()).isNotSameAs(first.body());
        assertThat(third.body()).as("the settled first batch's array, filled again").isSameAs(first.body());
        assertThat(third.body()).as("never the array of a batch still in flight").isNotSameAs(second.body());
        assertThat(frames(third)).extracting(Frame::text).containsExactly("ab");
        assertThat(frames(second)).extracting(Frame::text).containsExactly("second");
    }

    @Test
    void shouldKeepALargeArrayWhileBatchesFillItAndDropItOnceTheyAreSmall() {
        BatchBuilder builder = new BatchBuilder(new BatchLimits(100_000, 4 << 20, Duration.ofMillis(200)));
        ShipSource source = new ShipSource("src", "svc", "/var/log/a.log", ShipSource.Kind.LOG);
        String text = "x".repeat(1000);
        long[] offset = {0};
        Runnable fillTwoMebibytes = () -> {
            for (int i = 0; i < 2000; i++) {
                builder.offer(line(offset[0], offset[0] + 1001, text, false), 0);
                offset[0] += 1001;
            }
        };
        fillTwoMebibytes.run();
        Batch first = builder.seal(source);
        assertThat(first.body().length).as("grown past what an emptied body keeps").isGreaterThan(1 << 20);
        builder.recycle(first);
        fillTwoMebibytes.run();
        Batch second = builder.seal(source);
        fillTwoMebibytes.run();
        Batch third = builder.seal(source);
        assertThat(third.body()).as("a backlog's batches fill the arrays they grew again").isSameAs(first.body());

        builder.recycle(second);
        builder.recycle(builder.seal(oneLine(builder, offset)));
        Batch smallInLarge = builder.seal(oneLine(builder, offset));
        assertThat(smallInLarge.body()).isSameAs(second.body());
        builder.recycle(smallInLarge);
        for (int i = 0; i < 2; i++) {
            assertThat(builder.seal(oneLine(builder, offset)).body()).as("a large array a small batch used is not kept")
                    .isNotSameAs(second.body()).hasSizeLessThanOrEqualTo(1 << 20);
        }
    }

    /** Offers one line after {@code offset[0]} and returns the source to seal the batch with. */
    private static ShipSource oneLine(BatchBuilder builder, long[] offset) {
        builder.offer(line(offset[0], offset[0] + 4, "one", false), 0);
        offset[0] += 4;
        return new ShipSource("src", "svc", "/var/log/a.log", ShipSource.Kind.LOG);
    }

    @Test
    void shouldBeDueWhenFullByLinesOrBytesOrAfterLinger() {
        BatchBuilder byLines = new BatchBuilder(new BatchLimits(2, 4096, Duration.ofMillis(200)));
        assertThat(byLines.offer(line(0), 0)).isTrue();
        assertThat(byLines.isDue(1)).isFalse();
        assertThat(byLines.isDue(LINGER_NANOS)).isTrue();
        assertThat(byLines.offer(line(1), 0)).isTrue();
        assertThat(byLines.isDue(1)).isTrue();
        assertThat(byLines.offer(line(2), 0)).isFalse();

        BatchBuilder byBytes = new BatchBuilder(new BatchLimits(1000, 1024, Duration.ofMillis(200)));
        int accepted = 0;
        while (byBytes.offer(line(accepted), 0)) {
            accepted++;
        }
        assertThat(byBytes.bufferedBytes()).isLessThanOrEqualTo(1024);
        assertThat(byBytes.isDue(1)).isTrue();
        assertThat(byBytes.seal(new ShipSource("s", "v", "/a", ShipSource.Kind.LOG)).lineCount()).isEqualTo(accepted);
    }

    @Test
    void shouldTakeALineLargerThanMaxBytesAloneRatherThanNever() {
        BatchBuilder builder = new BatchBuilder(new BatchLimits(10, 1024, Duration.ofMillis(200)));
        assertThat(builder.offer(line(0, 2001, "x".repeat(2000), false), 0)).isTrue();
        assertThat(builder.offer(line(1), 0)).isFalse();
        assertThat(builder.seal(new ShipSource("s", "v", "/a", ShipSource.Kind.LOG)).lineCount()).isEqualTo(1);
    }

    @Test
    void shouldSplitIntoHalvesThatCoverTheSameLinesAndOffsets() {
        BatchBuilder builder = new BatchBuilder(new BatchLimits(10, 4096, Duration.ofMillis(200)));
        long far = 9_876_543_210L; // past 32 bits, as the second half's first offset is read back from the body
        for (int i = 0; i < 5; i++) {
            builder.offer(line(far + i * 10L, far + i * 10L + 10, "line " + i + "..", false), 0);
        }
        Batch whole = builder.seal(new ShipSource("src", "svc", "/a", ShipSource.Kind.LOG));
        Batch[] halves = whole.halves();

        assertThat(halves[0].lineCount()).isEqualTo(2);
        assertThat(halves[1].lineCount()).isEqualTo(3);
        assertThat(halves[0].firstOffset()).isEqualTo(whole.firstOffset());
        assertThat(halves[0].lastOffset()).isEqualTo(far + 20);
        assertThat(halves[1].firstOffset()).isEqualTo(halves[0].lastOffset());
        assertThat(halves[1].lastOffset()).isEqualTo(whole.lastOffset());
        List<Frame> rejoined = new ArrayList<>(frames(halves[0]));
        rejoined.addAll(frames(halves[1]));
        assertThat(rejoined).isEqualTo(frames(whole)).hasSize(5);
    }

    /** Line {@code i} of a file of 10-byte lines. */
    private static LineView line(int i) {
        return line(i * 10L, i * 10L + 10, "line " + i + "..", false);
    }

    private static LineView line(long offset, long endOffset, String text, boolean truncated) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new LineView().set(offset, endOffset, bytes, 0, bytes.length, truncated);
    }

    private static List<Frame> frames(Batch batch) {
        return FramedLines.parse(batch.body(), batch.bodyLength());
    }
}
