package io.seismo.daemon.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.locks.LockSupport;

/**
 * How the pipeline's handlers wait. For slots not yet published a handler blocks until the publisher signals
 * (no CPU while the daemon is idle), as with the Disruptor's blocking strategy. For slots published but still
 * being journaled or parsed by the stages before it, that strategy busy-spins; here the handler spins briefly
 * and then parks for {@link #PARK_NANOS} at a time. On a small machine the spinning correlator took the CPU
 * from the journal and parse threads it was waiting for: a fifth of its samples at 20,000 lines/s were that
 * spin (JFR, see bench/PERFORMANCE-LOG.md).
 */
final class BlockThenParkWaitStrategy implements WaitStrategy {
    /** Spins before parking: about a microsecond, enough for a stage that is about to finish its slot. */
    private static final int SPINS = 100;
    /** The kernel's timer slack on Linux: a shorter park sleeps about as long. */
    private static final long PARK_NANOS = 50_000;

    private final Object published = new Object();

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        if (cursor.get() < sequence) {
            synchronized (published) {
                while (cursor.get() < sequence) {
                    barrier.checkAlert();
                    published.wait();
                }
            }
        }
        long available;
        int spins = SPINS;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (spins > 0) {
                spins--;
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(PARK_NANOS);
            }
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        synchronized (published) {
            published.notifyAll();
        }
    }
}
