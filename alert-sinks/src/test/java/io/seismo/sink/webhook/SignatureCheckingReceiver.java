package io.seismo.sink.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook receiver as a user would write one from the documented scheme: it recomputes the HMAC over
 * {@code timestamp + "." + raw body}, compares in constant time, refuses stale timestamps, and answers 401 to
 * anything that does not verify. It records the raw requests it accepted.
 */
final class SignatureCheckingReceiver implements AutoCloseable {
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final long WAIT_SECONDS = 15;

    /** An accepted request: the raw body and the two signing headers. */
    record Signed(byte[] body, String timestamp, String signature) {
    }

    private final byte[] secret;
    private final BlockingQueue<Signed> accepted = new LinkedBlockingQueue<>();
    private final HttpServer server;

    SignatureCheckingReceiver(Vertx vertx, String secret) throws Exception {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> answer(request, body)))
                .listen(0, "127.0.0.1").await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hook";
    }

    Signed nextAccepted() throws InterruptedException {
        Signed next = accepted.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(next).as("the receiver should have accepted a signed request").isNotNull();
        return next;
    }

    private void answer(HttpServerRequest request, Buffer body) {
        String timestamp = request.getHeader("X-Seismo-Timestamp");
        String signature = request.getHeader("X-Seismo-Signature");
        if (verifies(timestamp, signature, body.getBytes())) {
            accepted.add(new Signed(body.getBytes(), timestamp, signature));
            request.response().setStatusCode(204).end();
        } else {
            request.response().setStatusCode(401).end("bad signature");
        }
    }

    private boolean verifies(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            if (Duration.between(sent, Instant.now()).abs().compareTo(TOLERANCE) > 0) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            byte[] expected = mac.doFinal(body);
            byte[] given = HexFormat.of().parseHex(signature.substring("sha256=".length()));
            return MessageDigest.isEqual(expected, given);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() throws TimeoutException {
        server.close().await(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
