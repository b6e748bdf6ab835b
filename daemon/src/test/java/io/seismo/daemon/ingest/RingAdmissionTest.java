package io.seismo.daemon.ingest;

import io.seismo.daemon.pipeline.BatchLines;
import io.seismo.daemon.pipeline.BatchMeta;
import io.seismo.daemon.pipeline.IngestBatch;
import io.seismo.daemon.pipeline.JournalAck;
import io.seismo.daemon.pipeline.SourceOffsets;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Batches let into a ring that has room, or not, on a real Vert.x event loop. */
class RingAdmissionTest {
    private static final Duration LONG_WAIT = Duration.ofSeconds(30);
    private static final JournalAck NO_ACK = new JournalAck() {
        @Override
        public void journaled() {
        }

        @Override
        public void failed(Throwable cause) {
        }
    };

    private final AtomicInteger freeSlots = new AtomicInteger();
    /** What went into the ring: source and first offset of each batch, with its size. */
    private final List<String> ring = new CopyOnWriteArrayList<>();
    /** What each batch's outcome was told, in the order told, and on which thread. */
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final List<String> toldOn = new CopyOnWriteArrayList<>();
    private final SourceOffsets offsets = new SourceOffsets();
    private Vertx vertx;
    private Context context;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void shouldPublishABatchAtOnceWhenTheRingHasRoom() {
        freeSlots.set(10);
        RingAdmission admission = admission(100, LONG_WAIT);

        admission.offer(batch("a", 0, 10, 20), outcome("a"), context);

        assertThat(ring).containsExactly("a@0 x3");
        await().atMost(Duration.ofSeconds(10)).until(() -> told.size() == 1);
        assertThat(told).containsExactly("a published 3, 0 duplicates, 15 bytes");
        assertThat(toldOn).allMatch(thread -> thread.startsWith("vert.x-eventloop"));
        assertThat(offsets.highWater("a")).isEqualTo(21);
        assertThat(admission.waitingLines()).isZero();
    }

    @Test
    void shouldLetWaitingBatchesInInTheirOrderOnceRoomComes() {
        freeSlots.set(2);
        RingAdmission admission = admission(100, LONG_WAIT);

        // Neither goes in: both wait, in their order.
        admission.offer(batch("a", 0, 10, 20), outcome("a"), context);
        admission.offer(batch("b", 0), outcome("b"), context); // would fit, but comes after a

        assertThat(ring).isEmpty();
        assertThat(admission.waitingLines()).isEqualTo(4);
        freeSlots.set(10);
        await().atMost(Duration.ofSeconds(10)).until(() -> told.size() == 2);
        assertThat(ring).containsExactly("a@0 x3", "b@0 x1");
        assertThat(told).containsExactly("a published 3, 0 duplicates, 15 bytes", "b published 1, 0 duplicates, 5 bytes");
        assertThat(admission.waitingLines()).isZero();
    }

    @Test
    void shouldRefuseABatchThatFoundNoRoomInTime() {
        RingAdmission admission = admission(100, Duration.ofMillis(50));

        admission.offer(batch("a", 0), outcome("a"), context);

        await().atMost(Duration.ofSeconds(10)).until(() -> told.size() == 1);
        assertThat(told).containsExactly("a refused");
        assertThat(ring).isEmpty();
        assertThat(admission.waitingLines()).isZero();
        assertThat(offsets.highWater("a")).isEqualTo(SourceOffsets.NONE);
    }

    @Test
    void shouldRefuseAtOnceABatchThatWouldMakeTooManyLinesWait() {
        RingAdmission admission = admission(4, LONG_WAIT);

        admission.offer(batch("a", 0, 10, 20), outcome("a"), context);
        admission.offer(batch("b", 0, 10), outcome("b"), context);

        await().atMost(Duration.ofSeconds(10)).until(() -> told.size() == 1);
        assertThat(told).containsExactly("b refused");
        assertThat(admission.waitingLines()).isEqualTo(3);
        freeSlots.set(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> told.size() == 2);
        assertThat(ring).containsExactly("a@0 x3");
    }

    @Test
    void shouldTakeARetryThatRacedItsFirstAttemptOnce() {
        RingAdmission admission = admission(100, LONG_WAIT);

        admission.offer(batch("a", 0, 10, 20), outcome("first"), context);
        admission.offer(batch("a", 0, 10, 20, -1, 30), outcome("retry"), context); // and a line without an offset

        freeSlots.set(100);
        await().atMost(Duration.ofSeconds(10)).until(() -> told.size() == 2);
        assertThat(told).containsExactly("first published 3, 0 duplicates, 15 bytes",
                "retry published 2, 3 duplicates, 10 bytes");
        assertThat(ring).containsExactly("a@0 x3", "a@0 x2");
        assertThat(offsets.highWater("a")).isEqualTo(31);
    }

    @Test
    void shouldAnswerABatchOfLinesAlreadyTakenWithoutRoomInTheRing() {
        offsets.advance("a", 100);
        RingAdmission admission = admission(100, LONG_WAIT);

        admission.offer(batch("a", 0, 10), outcome("a"), context);

        await().atMost(Duration.ofSeconds(10)).until(() -> told.size() == 1);
        assertThat(told).containsExactly("a published 0, 2 duplicates, 0 bytes");
        assertThat(ring).isEmpty();
    }

    private RingAdmission admission(int maxWaitingLines, Duration maxWait) {
        return new RingAdmission(this::publish, offsets, maxWaitingLines, maxWait);
    }

    private boolean publish(IngestBatch batch) {
        int free = freeSlots.get();
        if (batch.size() > free || !freeSlots.compareAndSet(free, free - batch.size())) {
            return false;
        }
        ring.add(batch.meta().source() + "@" + batch.meta().firstOffset() + " x" + batch.size());
        return true;
    }

    /** A batch of five-byte lines from {@code source} at the given offsets. */
    private static OfferedBatch batch(String source, long... lineOffsets) {
        BatchMeta meta = new BatchMeta("agent", "host", "svc", "/var/log/svc.log", source, lineOffsets[0],
                lineOffsets[lineOffsets.length - 1], 0, 0L);
        OfferedBatch batch = new OfferedBatch(meta, new BatchLines(lineOffsets.length, new byte[0]), NO_ACK,
                System.nanoTime());
        EnvelopeReader reader = new EnvelopeReader();
        for (long offset : lineOffsets) {
            byte[] envelope = ("{\"o\":" + offset + ",\"l\":\"line " + offset + "\"}").getBytes(StandardCharsets.US_ASCII);
            assertThat(reader.read(envelope, 0, envelope.length)).isTrue();
            batch.add(reader.envelope(), 5);
        }
        return batch;
    }

    private AdmissionOutcome outcome(String name) {
        return new AdmissionOutcome() {
            @Override
            public void published(int accepted, int duplicates, long acceptedBytes) {
                toldOn.add(Thread.currentThread().getName());
                told.add(name + " published " + accepted + ", " + duplicates + " duplicates, " + acceptedBytes + " bytes");
            }

            @Override
            public void refused() {
                toldOn.add(Thread.currentThread().getName());
                told.add(name + " refused");
            }
        };
    }
}
