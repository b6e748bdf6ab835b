package io.seismo.bench.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For {@code --mode agent}: stands where the daemon would and acknowledges every batch at once, counting the
 * lines (one envelope per line) and bytes it was sent, so that only the agent is measured.
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
        byte[] buffer = new byte[1 << 16];
        long newlines = 0;
        long size = 0;
        try (InputStream body = exchange.getRequestBody()) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                size += n;
                for (int i = 0; i < n; i++) {
                    newlines += buffer[i] == '\n' ? 1 : 0;
                }
            }
        }
        lines.addAndGet(newlines);
        bytes.addAndGet(size);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, ANSWER.length);
        exchange.getResponseBody().write(ANSWER);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
