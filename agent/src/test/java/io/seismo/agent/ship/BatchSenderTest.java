package io.seismo.agent.ship;

import com.sun.net.httpserver.HttpServer;
import io.seismo.agent.config.DaemonEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class BatchSenderTest {
    private static final int BODY_BYTES = 4 << 20;

    private final AtomicLong bytesReceived = new AtomicLong();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldLetGoOfTheBodyOnceTheDaemonAnsweredWhileTheConnectionStaysPooled() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/ingest", exchange -> {
            bytesReceived.addAndGet(exchange.getRequestBody().readAllBytes().length);
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        // The agent's client: a connect timeout, whose timer event keeps the pooled connection's last exchange.
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/ingest");
        BatchSender sender = new BatchSender(client, new DaemonEndpoint(url, "token"), "agent-1", "host-1");

        WeakReference<byte[]> body = sendOversizedBatch(sender);

        assertThat(bytesReceived.get()).isEqualTo(BODY_BYTES);
        assertThat(collectedWithin(body, Duration.ofSeconds(10)))
                .as("the body of an answered batch is unreachable while the client and its connection live")
                .isTrue();
        Reference.reachabilityFence(client);
    }

    /** Sends a batch whose body only the sender's request can reach once this returns. */
    private static WeakReference<byte[]> sendOversizedBatch(BatchSender sender) throws Exception {
        byte[] array = new byte[BODY_BYTES];
        Arrays.fill(array, (byte) 'x');
        array[BODY_BYTES - 1] = '\n';
        Batch batch = new Batch(new ShipSource("src-1", "svc", "/var/log/a.log", ShipSource.Kind.LOG), 0,
                BODY_BYTES, 1, array, BODY_BYTES);
        ShipResult result = sender.send(batch).get(10, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(200);
        return new WeakReference<>(array);
    }

    private static boolean collectedWithin(WeakReference<?> reference, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (reference.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        return reference.get() == null;
    }
}
