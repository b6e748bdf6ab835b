package io.seismo.agent.ship;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seismo.agent.config.BatchLimits;
import io.seismo.agent.tail.LineView;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchBuilderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LINGER_NANOS = Duration.ofMillis(200).toNanos();

    @Test
    void shouldEncodeEachLineAsAnEnvelopeOnItsOwnLine() throws Exception {
        BatchBuilder builder = new BatchBuilder(new BatchLimits(10, 4096, Duration.ofMillis(200)));
        builder.offer(line(0, 11, "say \"hi\"\t", false), 0);
        builder.offer(line(11, 80, "cut", true), 0);
        Batch batch = builder.seal(new ShipSource("src", "svc", "/var/log/a.log", ShipSource.Kind.LOG));

        List<JsonNode> envelopes = envelopes(batch);
        assertThat(envelopes).hasSize(2);
        assertThat(envelopes.get(0).toString()).isEqualTo("{\"o\":0,\"l\":\"say \\\"hi\\\"\\t\"}");
        assertThat(envelopes.get(1).toString()).isEqualTo("{\"o\":11,\"l\":\"cut\",\"t\":true}");
        assertThat(batch.firstOffset()).isZero();
        assertThat(batch.lastOffset()).isEqualTo(80);
        assertThat(builder.isEmpty()).isTrue();
    }

    @Test
    void shouldFillTheArrayOfASettledBatchAgainAndNeverOneStillInFlight() throws Exception {
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
        assertThat(envelopes(third)).singleElement().satisfies(e -> assertThat(e.get("l").asText()).isEqualTo("ab"));
        assertThat(envelopes(second)).singleElement().satisfies(e -> assertThat(e.get("l").asText()).isEqualTo("second"));
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
    void shouldSplitIntoHalvesThatCoverTheSameLinesAndOffsets() throws Exception {
        BatchBuilder builder = new BatchBuilder(new BatchLimits(10, 4096, Duration.ofMillis(200)));
        long far = 9_876_543_210L; // every digit, as the second half's first offset is read back from the body
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
        List<JsonNode> rejoined = new ArrayList<>(envelopes(halves[0]));
        rejoined.addAll(envelopes(halves[1]));
        assertThat(rejoined).isEqualTo(envelopes(whole));
    }

    /** Line {@code i} of a file of 10-byte lines. */
    private static LineView line(int i) {
        return line(i * 10L, i * 10L + 10, "line " + i + "..", false);
    }

    private static LineView line(long offset, long endOffset, String text, boolean truncated) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new LineView().set(offset, endOffset, bytes, 0, bytes.length, truncated);
    }

    private static List<JsonNode> envelopes(Batch batch) throws Exception {
        String body = new String(batch.body(), 0, batch.bodyLength(), StandardCharsets.UTF_8);
        assertThat(body).endsWith("\n");
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            out.add(JSON.readTree(line));
        }
        return out;
    }
}
