package io.seismo.daemon.pipeline;

import io.seismo.daemon.journal.JournalPosition;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.rules.event.Event;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correlator's state at a barrier is written out after it, a slice at a time: while the ring has nothing
 * more for the correlator, and one slice every so many slots under load, so a checkpoint never holds the
 * lines behind it for the whole write; the barrier's state is handed on once complete. Work the correlator
 * defers (a boundary evaluated key by key) is done the same way, and first.
 */
class CorrelatorHandlerTest {
    private final AtomicLong publishedCursor = new AtomicLong();
    private final SlicedCorrelator correlator = new SlicedCorrelator();
    private final List<BarrierState> barriers = new ArrayList<>();
    private final CorrelatorHandler handler = new CorrelatorHandler(correlator, new BarrierHandler() {
        @Override
        public void onBarrier(long barrierId, BarrierState state) {
            barriers.add(state);
        }

        @Override
        public void onBarrierFailed(long barrierId, Throwable cause) {
            throw new AssertionError("barrier " + barrierId + " failed", cause);
        }
    }, new SourceOffsets(), publishedCursor::get, new DaemonMetrics());
    private long sequence;

    @Test
    void shouldWriteTheStateOutWhileTheRingHasNothingMoreForTheCorrelator() {
        correlator.slicesNeeded = 50;
        publishedCursor.set(Long.MAX_VALUE); // more is coming: only the slot cadence applies

        deliver(barrier(), false);
        assertThat(barriers).hasSize(1);
        assertThat(barriers.get(0).correlatorState()).as("nothing written at the barrier itself").isNotDone();
        assertThat(correlator.slicesTaken).isZero();

        publishedCursor.set(sequence + 1); // the next slot is the last one published
        deliver(tick(), true);

        assertThat(barriers.get(0).correlatorState()).isCompleted();
        assertThat(correlator.slicesTaken).isEqualTo(50);
    }

    @Test
    void shouldWriteASliceEverySoManySlotsWhileTheRingIsBusy() {
        correlator.slicesNeeded = 3;
        publishedCursor.set(Long.MAX_VALUE);

        deliver(barrier(), false); // counts as the first slot
        for (int i = 0; i < 3 * CorrelatorHandler.SLOTS_BETWEEN_STATE_SLICES - 2; i++) {
            deliver(tick(), false);
        }
        assertThat(correlator.slicesTaken).isEqualTo(2);
        assertThat(barriers.get(0).correlatorState()).isNotDone();

        deliver(tick(), false);

        assertThat(correlator.slicesTaken).isEqualTo(3);
        assertThat(barriers.get(0).correlatorState()).isCompleted();
    }

    @Test
    void shouldCompleteThePreviousStateBeforeTheNextBarrierTakesItsOwn() {
        correlator.slicesNeeded = 1_000;
        publishedCursor.set(Long.MAX_VALUE);

        deliver(barrier(), false);
        deliver(barrier(), false);

        assertThat(barriers).hasSize(2);
        assertThat(barriers.get(0).correlatorState()).isCompleted();
        assertThat(barriers.get(1).correlatorState()).isNotDone();
    }

    @Test
    void shouldCompleteTheBarrierExceptionallyWhenWritingTheStateFails() {
        correlator.slicesNeeded = 2;
        correlator.failAtSlice = 0;
        publishedCursor.set(Long.MAX_VALUE);

        deliver(barrier(), true);

        assertThat(barriers.get(0).correlatorState()).isCompletedExceptionally();
    }

    @Test
    void shouldHandEachBarrierTheHighWaterMarksOfTheLinesBeforeItAndOfNoneAfter() {
        BatchMeta payments = new BatchMeta("agent-1", "host-2", "payments", "/var/log/payments.log", "src-2", 0,
                1_000_000, 0, 1L);
        deliver(LineSlots.line("a", 0, null), false);
        deliver(LineSlots.line("b", 10, null), false);
        deliver(LineSlots.line(payments, "line at 100", 100, null), false);
        deliver(LineSlots.line("c", 20, null), false);
        deliver(barrier(), false);
        deliver(LineSlots.line(payments, "line at 200", 200, null), false);
        deliver(LineSlots.line(payments, "line at 300", 300, null), false);
        deliver(barrier(), true);

        assertThat(barriers.get(0).sourceOffsets()).isEqualTo(Map.of(LineSlots.CHECKOUT.source(), 21L, "src-2", 101L));
        assertThat(barriers.get(1).sourceOffsets()).isEqualTo(Map.of(LineSlots.CHECKOUT.source(), 21L, "src-2", 301L));
    }

    @Test
    void shouldLetGoOfALineAndItsFieldsOnceCorrelated() {
        Slot slot = LineSlots.line("{\"msg\":\"boom\"}", 0, null);
        slot.event.setService("checkout");
        slot.event.setMessage("boom");
        slot.event.putAttr("user", "u-1");
        slot.parsed = true;

        deliver(slot, false);

        assertThat(correlator.services).containsExactly("checkout");
        assertThat(slot.line()).isEmpty();
        assertThat(slot.meta()).isNull();
        assertThat(slot.event().getService()).isNull();
        assertThat(slot.event().getMessage()).isNull();
        assertThat(slot.event().attr("user")).isNull();
    }

    @Test
    void shouldDoDeferredWorkWhileIdleAndEverySoManySlotsWhileBusy() {
        correlator.deferredPerTick = 3;
        publishedCursor.set(Long.MAX_VALUE);

        deliver(tick(), false);
        for (int i = 0; i < CorrelatorHandler.SLOTS_BETWEEN_DEFERRED_SLICES - 1; i++) {
            deliver(tick(), false);
        }
        assertThat(correlator.deferredDone).as("one slice after so many slots").isEqualTo(1);

        publishedCursor.set(sequence + 1);
        deliver(tick(), true);

        assertThat(correlator.deferredDone).as("the rest while nothing else is published").isEqualTo(3);
        assertThat(correlator.hasDeferredWork()).isFalse();
    }

    @Test
    void shouldDoDeferredWorkBeforeWritingTheStateAndCompleteItAtABarrier() {
        correlator.deferredPerTick = 5;
        correlator.slicesNeeded = 2;
        publishedCursor.set(Long.MAX_VALUE);

        deliver(tick(), false);
        deliver(barrier(), false);
        assertThat(correlator.deferredAtSnapshot).as("a barrier's state holds no half-done work").isEqualTo(5);

        correlator.deferredPerTick = 4;
        deliver(tick(), false);
        publishedCursor.set(sequence + 1);
        deliver(tick(), true);

        assertThat(correlator.order).containsSubsequence("deferred", "state").endsWith("state");
        assertThat(correlator.order.indexOf("state")).as("the deferred work first").isEqualTo(4);
        assertThat(barriers.get(0).correlatorState()).isCompleted();
    }

    private Slot barrier() {
        Slot slot = new Slot();
        slot.fillBarrier(sequence + 1);
        slot.barrierPosition = new JournalPosition(0, sequence);
        return slot;
    }

    private static Slot tick() {
        Slot slot = new Slot();
        slot.fillTick(1);
        return slot;
    }

    private void deliver(Slot slot, boolean endOfBatch) {
        handler.onEvent(slot, ++sequence, endOfBatch);
    }

    /** A correlator whose state takes a given number of slices to write, and whose next tick leaves work for later. */
    private static final class SlicedCorrelator implements Correlator {
        int slicesNeeded;
        int slicesTaken;
        int failAtSlice = -1;
        int deferredPerTick;
        int deferredLeft;
        int deferredDone;
        int deferredAtSnapshot;
        final List<String> order = new ArrayList<>();
        final List<String> services = new ArrayList<>();

        @Override
        public boolean hasDeferredWork() {
            return deferredLeft > 0;
        }

        @Override
        public void doDeferredWork(long budgetNanos) {
            deferredLeft--;
            deferredDone++;
            order.add("deferred");
        }

        @Override
        public void onEvent(Event event) {
            services.add(event.getService());
        }

        @Override
        public void onTick(long nowNanos) {
            deferredLeft += deferredPerTick;
            deferredPerTick = 0; // only the next tick leaves work
        }

        @Override
        public StateCapture beginSnapshot() {
            deferredAtSnapshot += deferredLeft;
            deferredDone += deferredLeft;
            deferredLeft = 0;
            int needed = slicesNeeded;
            return new StateCapture() {
                private int taken;

                @Override
                public boolean advance(long budgetNanos) {
                    if (slicesTaken == failAtSlice) {
                        throw new IllegalStateException("state cannot be written");
                    }
                    int slices = budgetNanos == Long.MAX_VALUE ? needed - taken : 1;
                    order.add("state");
                    taken += slices;
                    slicesTaken += slices;
                    return taken == needed;
                }

                @Override
                public List<ByteBuffer> bytes() {
                    return List.of(ByteBuffer.wrap(new byte[] {(byte) taken}));
                }
            };
        }
    }
}
