package io.seismo.bench.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.seismo.agent.ship.LineFrame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For {@code --mode agent}: stands where the daemon would and acknowledges every batch at once, counting the
 * lines and bytes it was sent, so that only the agent is measured.
 */
final class AckingSink implements AutoCloseable {
    private static final byte[] ANSWER = "{\"accepted\":0}".getBytes(StandardCharsets.UTF_8);
    private final HttpServer server;
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    AckingSink() throws IOException {
        server = LoopbackHttpServer.start(this::receive);
    }

    int port() {
        return server.getAddress().getPort();
    }

    long lines() {
        return lines.get();
    }

    long bytes() {
        return bytes.get();
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        lines.addAndGet(framedLines(body));
        bytes.addAndGet(body.length);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, ANSWER.length);
        exchange.getResponseBody().write(ANSWER);
        exchange.close();
    }

    /** The lines of a body as the agent frames them ({@link LineFrame}). */
    static long framedLines(byte[] body) {
        long count = 0;
        for (int at = 0; at + LineFrame.HEADER_BYTES <= body.length; at = LineFrame.next(body, at)) {
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
