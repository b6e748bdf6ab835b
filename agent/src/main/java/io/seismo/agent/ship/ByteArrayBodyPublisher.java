package io.seismo.agent.ship;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body that hands the client the first {@code length} bytes of the batch's own array, read-only, in
 * slices of at most {@value #SLICE_BYTES} bytes. {@code BodyPublishers.ofByteArray} copies every body into fresh
 * buffers first; a sealed batch's body does not change, so the copy buys nothing. The slices matter because a
 * socket write of a heap buffer goes through a temporary direct buffer as large as what remains of it: one 4 MiB
 * buffer meant a fresh 4 MiB native allocation and copy for every partial write, where a slice no larger than
 * {@code jdk.nio.maxCachedBufferSize} reuses the thread's cached one.
 *
 * <p>The JDK client keeps a pooled connection's last exchange (its request, this publisher, the subscription) for
 * as long as the connection lives. So a subscription drops the array when it ends, and {@link #release()} drops
 * it here once the exchange is over: a batch far larger than usual (which its builder does not take back) is not
 * pinned in the heap until the connection closes.
 */
final class ByteArrayBodyPublisher implements HttpRequest.BodyPublisher {
    static final int SLICE_BYTES = 256 * 1024;

    private final int length;
    /** The body until {@link #release()}; a subscription takes it when it starts. */
    private volatile byte[] body;

    ByteArrayBodyPublisher(byte[] body, int length) {
        if (length < 0 || length > body.length) {
            throw new IllegalArgumentException("body length " + length + " outside an array of " + body.length);
        }
        this.body = body;
        this.length = length;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        byte[] array = body;
        Slices slices = new Slices(subscriber, array);
        subscriber.onSubscribe(slices);
        if (array == null) {
            slices.fail(new IllegalStateException("the request body was released: its exchange is over"));
        }
    }

    /** Forgets the array: the exchange is over. A subscription going on keeps it until it ends. */
    void release() {
        body = null;
    }

    /**
     * Delivers slices as they are asked for, then completes; each subscription gets the body from the start. A
     * subscriber may ask for more from inside {@code onNext}: the work-in-progress counter turns that into another
     * turn of the loop instead of a deeper call.
     */
    private final class Slices implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger workInProgress = new AtomicInteger();
        private volatile boolean done;
        /** Where the next slice starts; touched only by the thread inside {@link #deliver}. */
        private int next;
        /** The body until the subscription is over: the client may keep the subscription after that too. */
        private byte[] array;

        Slices(Flow.Subscriber<? super ByteBuffer> subscriber, byte[] array) {
            this.subscriber = subscriber;
            this.array = array;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                fail(new IllegalArgumentException("request(" + n + "): demand must be positive"));
                return;
            }
            demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            deliver();
        }

        @Override
        public void cancel() {
            done = true;
            deliver();
        }

        void fail(Throwable cause) {
            if (!done) {
                done = true;
                subscriber.onError(cause);
            }
            deliver();
        }

        private void deliver() {
            if (workInProgress.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                while (!done && next < length && demand.get() > 0) {
                    int end = Math.min(length, next + SLICE_BYTES);
                    ByteBuffer slice = ByteBuffer.wrap(array, next, end - next).slice().asReadOnlyBuffer();
                    next = end;
                    demand.decrementAndGet();
                    subscriber.onNext(slice);
                }
                if (!done && next >= length) {
                    done = true;
                    subscriber.onComplete();
                }
                if (done) {
                    array = null;
                }
                missed = workInProgress.addAndGet(-missed);
            } while (missed != 0);
        }
    }
}
