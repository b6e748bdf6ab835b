package io.seismo.daemon.ingest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Arrays;

/**
 * Reads a request's body into a byte array lent for the handling of that body and then kept for the next request of
 * the same event loop. Vert.x's body handler aggregated each body into a new buffer grown chunk by chunk, which
 * {@code getBytes()} copied once more: about a seventh of what the daemon allocated at 20,000 lines/s (JFR). A body
 * larger than the limit fails the request with 413, as the body handler did.
 */
final class LentBodies {
    /** What a body handler does with the bytes. */
    interface BodyUser {
        /**
         * Uses the body, {@code bytes[0, length)}; says whether it keeps the array, to give it back
         * ({@link #giveBack}) on this event loop itself once done. If not, the bytes are valid only until it returns.
         */
        boolean use(byte[] bytes, int length);
    }

    private static final int FIRST_BYTES = 64 * 1024;
    /**
     * Arrays an event loop keeps: as many as it lends at once, a body and its lines' array per request it is taking
     * (one per connection at a time) and the lines' array of each batch waiting for room (given back once it is in).
     */
    private static final int KEPT_PER_LOOP = 8;

    private final int maxBytes;
    private final ThreadLocal<ArrayDeque<byte[]>> kept = ThreadLocal.withInitial(ArrayDeque::new);
    private final AtomicLong arraysMade = new AtomicLong();

    LentBodies(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Reads the body of {@code ctx}'s request, then hands it to {@code user} on the request's event loop. */
    void read(RoutingContext ctx, BodyUser user) {
        HttpServerRequest request = ctx.request();
        long declared = declaredLength(request);
        if (declared > maxBytes) {
            ctx.fail(413);
            return;
        }
        if (request.isEnded()) {
            ctx.fail(new IllegalStateException("the request's body was read before its handler ran"));
            return;
        }
        Reading reading = new Reading(borrow(declared), ctx);
        request.handler(reading::append);
        request.exceptionHandler(reading::fail);
        request.endHandler(v -> reading.end(user));
        request.resume();
    }

    /**
     * The smallest kept array that holds {@code declared} bytes, or a new one a little larger than it asks; on the
     * event loop whose arrays these are. Also lent for the lines of a body (see {@link OfferedBatch}).
     */
    byte[] borrow(long declared) {
        int wanted = (int) Math.max(FIRST_BYTES, declared);
        ArrayDeque<byte[]> arrays = kept.get();
        byte[] best = null;
        for (byte[] array : arrays) {
            if (array.length >= wanted && (best == null || array.length < best.length)) {
                best = array;
            }
        }
        if (best != null) {
            arrays.remove(best);
            return best;
        }
        arraysMade.incrementAndGet();
        // Bodies of one size vary a little: an eighth more lets the next slightly longer one fit.
        return new byte[(int) Math.min(Math.max(wanted, maxBytes), wanted + wanted / 8L)];
    }

    /**
     * Keeps {@code array} for the loop's next bodies; when the loop keeps enough already, in place of the smallest
     * if it is larger, so the kept arrays follow the bodies as they grow instead of being made anew each time.
     */
    void giveBack(byte[] array) {
        ArrayDeque<byte[]> arrays = kept.get();
        if (arrays.size() < KEPT_PER_LOOP) {
            arrays.addFirst(array);
            return;
        }
        byte[] smallest = array;
        for (byte[] keptArray : arrays) {
            if (keptArray.length < smallest.length) {
                smallest = keptArray;
            }
        }
        if (smallest != array) {
            arrays.remove(smallest);
            arrays.addFirst(array);
        }
    }

    /** Arrays made so far, on every loop: what the kept ones did not save. */
    long arraysMade() {
        return arraysMade.get();
    }

    /** One body being read: each chunk Vert.x hands over is copied straight into the lent array. */
    private final class Reading {
        private final RoutingContext ctx;
        private byte[] bytes;
        private int length;
        /** The array is back with the loop: the body was handed on, or the request failed. */
        private boolean settled;

        Reading(byte[] bytes, RoutingContext ctx) {
            this.bytes = bytes;
            this.ctx = ctx;
        }

        void append(Buffer chunk) {
            if (settled) {
                return;
            }
            int size = chunk.length();
            if ((long) length + size > maxBytes) {
                fail(413);
                return;
            }
            if (length + size > bytes.length) {
                // A body longer than it said (or than its compressed length): grow, within the limit.
                bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(length + size, 2L * bytes.length)));
            }
            chunk.getBytes(0, size, bytes, length);
            length += size;
        }

        void fail(Throwable error) {
            if (settle()) {
                ctx.fail(error);
            }
        }

        private void fail(int status) {
            if (settle()) {
                ctx.fail(status);
            }
        }

        void end(BodyUser user) {
            if (settled) {
                return;
            }
            settled = true; // an error reported after the end must not give the array back a second time
            boolean kept = false;
            try {
                kept = user.use(bytes, length);
            } catch (RuntimeException e) {
                ctx.fail(e); // thrown in an end handler, it would leave the request unanswered
            } finally {
                if (!kept) {
                    giveBack(bytes);
                }
            }
        }

        /** Gives the array back unless it already went; true if this call did. */
        private boolean settle() {
            if (settled) {
                return false;
            }
            settled = true;
            giveBack(bytes);
            return true;
        }
    }

    private static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
