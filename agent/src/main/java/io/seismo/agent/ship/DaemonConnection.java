package io.seismo.agent.ship;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * One kept-alive connection to the daemon, used by one request at a time. A request blocks its thread; the
 * deadline it was given is enforced from outside by {@link #closeIfOverdue}, which closes the socket under a
 * blocked read or write (a blocking socket has no timeout for writes, and the daemon stops reading when its
 * ring is full).
 */
final class DaemonConnection {
    private final Socket raw;
    private final InputStream in;
    private final OutputStream out;
    private final Duration timeout;
    /** {@link System#nanoTime()} by which the current request must be answered; 0 between requests. */
    private volatile long deadline;
    private volatile boolean overdue;
    private int exchanges;
    private boolean answerStarted;

    /**
     * @param socket  the socket requests go through (a TLS socket layered over {@code raw}, or {@code raw})
     * @param raw     the TCP socket, closed to abort a request past its deadline
     * @param timeout how long one request may take, for the message of a request that took longer
     */
    DaemonConnection(Socket socket, Socket raw, Duration timeout) throws IOException {
        this.raw = raw;
        this.timeout = timeout;
        this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        this.out = socket.getOutputStream();
    }

    /**
     * Sends the head and the first {@code bodyLength} bytes of {@code body}, and reads the answer.
     *
     * @throws IOException the connection failed, the answer was malformed, or the deadline passed
     *                     ({@link SocketTimeoutException}); the connection must then be closed
     */
    DaemonAnswer exchange(byte[] head, byte[] body, int bodyLength, long deadlineNanos) throws IOException {
        deadline = deadlineNanos == 0 ? 1 : deadlineNanos;
        exchanges++;
        answerStarted = false;
        try {
            out.write(head);
            out.write(body, 0, bodyLength);
            out.flush();
            in.mark(1);
            if (in.read() < 0) {
                throw new EOFException("the daemon closed the connection without answering");
            }
            answerStarted = true;
            in.reset();
            return ResponseReader.read(in);
        } catch (IOException e) {
            throw overdue ? new SocketTimeoutException("no answer from the daemon within " + timeout) : e;
        } finally {
            deadline = 0;
        }
    }

    /** Whether an earlier request went through this connection: a failure before any answer may mean it went stale. */
    boolean reused() {
        return exchanges > 1;
    }

    /** Whether the last request got any byte of an answer before it failed. */
    boolean answerStarted() {
        return answerStarted;
    }

    /** Whether a request ran past its deadline and the connection was closed under it. */
    boolean overdue() {
        return overdue;
    }

    /** Closes the connection when a request on it has run past its deadline. Any thread. */
    void closeIfOverdue(long nowNanos) {
        long due = deadline;
        if (due != 0 && nowNanos - due > 0) {
            overdue = true;
            close();
        }
    }

    boolean isClosed() {
        return raw.isClosed();
    }

    /** Closes the TCP socket; a thread blocked on it gets an exception. Any thread. */
    void close() {
        try {
            raw.close();
        } catch (IOException e) {
            // closing is all that is wanted; there is nothing left to tell the daemon
        }
    }
}
