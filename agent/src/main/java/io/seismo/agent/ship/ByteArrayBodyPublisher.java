package io.seismo.agent.ship;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body that hands the client the first {@code length} bytes of the batch's own array, read-only, in one
 * buffer.
 * {@code BodyPublishers.ofByteArray} copies every body into fresh buffers first, which was most of what
 * the agent allocated; a sealed batch's body never changes, so the copy buys nothing.
 */
final class ByteArrayBodyPublisher implements HttpRequest.BodyPublisher {
    private final byte[] body;
    private final int length;

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
        subscriber.onSubscribe(new OneBuffer(subscriber, ByteBuffer.wrap(body, 0, length).slice().asReadOnlyBuffer()));
    }

    /** Delivers the buffer on the first request, then completes; each subscription gets the body from the start. */
    private static final class OneBuffer implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final ByteBuffer buffer;
        private final AtomicBoolean done = new AtomicBoolean();

        OneBuffer(Flow.Subscriber<? super ByteBuffer> subscriber, ByteBuffer buffer) {
            this.subscriber = subscriber;
            this.buffer = buffer;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                if (done.compareAndSet(false, true)) {
                    subscriber.onError(new IllegalArgumentException("request(" + n + "): demand must be positive"));
                }
                return;
            }
            if (done.compareAndSet(false, true)) {
                subscriber.onNext(buffer);
                subscriber.onComplete();
            }
        }

        @Override
        public void cancel() {
            done.set(true);
        }
    }
}
