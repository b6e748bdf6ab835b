package io.seismo.agent.ship;

import io.seismo.agent.config.DaemonEndpoint;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * POSTs a batch to the daemon as NDJSON with the agent's headers, over kept-alive HTTP/1.1 connections of its
 * own: each request is written and answered on one thread of {@code exchanges}, blocking. The JDK's HTTP client
 * did the same work in about 0.3 ms of CPU a request, spread over hand-offs between its threads, which is what
 * made short batch lingers expensive. Never blocks the caller and never completes exceptionally: every way a
 * request can end is a {@link ShipResult}.
 */
public final class BatchSender implements AutoCloseable {
    /** How often requests are checked against their deadline: a timeout ends at most this much late. */
    private static final long DEADLINE_CHECK_MILLIS = 100;

    private final DaemonConnections connections;
    private final RequestHead heads;
    private final Executor exchanges;
    private final long timeoutNanos;
    private final InFlightChecks deadlineChecks;

    /**
     * @param exchanges runs each request, blocking, on a thread of its own (as many at once as are in flight)
     * @param timer     checks the requests' deadlines every {@value #DEADLINE_CHECK_MILLIS} ms while any are in flight
     */
    public BatchSender(DaemonEndpoint endpoint, String agentId, String host, Executor exchanges,
                       ScheduledExecutorService timer) {
        this(endpoint, agentId, host, exchanges, timer, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** @param tls makes the sockets of an {@code https} URL (the JDK's default trust unless a test trusts its own) */
    BatchSender(DaemonEndpoint endpoint, String agentId, String host, Executor exchanges,
                ScheduledExecutorService timer, SSLSocketFactory tls) {
        this.connections = new DaemonConnections(endpoint, tls);
        this.heads = new RequestHead(endpoint, agentId, host);
        this.exchanges = exchanges;
        this.timeoutNanos = endpoint.requestTimeout().toNanos();
        this.deadlineChecks = new InFlightChecks(timer, connections::closeOverdue, DEADLINE_CHECK_MILLIS);
    }

    public CompletableFuture<ShipResult> send(Batch batch) {
        byte[] head = heads.of(batch);
        long deadline = System.nanoTime() + timeoutNanos;
        deadlineChecks.begin();
        try {
            return CompletableFuture.supplyAsync(() -> exchange(head, batch, deadline), exchanges);
        } catch (RejectedExecutionException e) {
            deadlineChecks.end();
            return CompletableFuture.completedFuture(ShipResult.failed(e));
        }
    }

    /** Whether deadlines are being checked now (only while requests are on their way). */
    boolean checkingDeadlines() {
        return deadlineChecks.running();
    }

    /** Closes every connection; requests still on their way fail. */
    @Override
    public void close() {
        deadlineChecks.stop();
        connections.close();
    }

    private ShipResult exchange(byte[] head, Batch batch, long deadline) {
        DaemonConnection connection = null;
        try {
            connection = connections.take();
            DaemonAnswer answer;
            try {
                answer = connection.exchange(head, batch.body(), batch.bodyLength(), deadline);
            } catch (IOException e) {
                if (!connection.reused() || connection.answerStarted() || connection.overdue()) {
                    throw e;
                }
                // The daemon may close a kept-alive connection while it is idle: the same request once more on a
                // fresh one (a batch the daemon did take is recognised by its offsets and not counted twice).
                connections.release(connection);
                connection = connections.openNew();
                answer = connection.exchange(head, batch.body(), batch.bodyLength(), deadline);
            }
            connections.giveBack(connection, answer.keepAlive());
            return ShipResult.answered(answer.status(), retryAfter(answer.retryAfter()), answer.body());
        } catch (IOException | RuntimeException e) {
            if (connection != null) {
                connections.release(connection);
            }
            return ShipResult.failed(e);
        } finally {
            deadlineChecks.end();
        }
    }

    private static OptionalLong retryAfter(String header) {
        String value = header.trim();
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value));
    }
}
