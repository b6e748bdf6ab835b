package io.seismo.sink.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinks;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.DeliveryException;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkSpec;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.seismo.sink.DeliveryFailures.awaitDelivered;
import static io.seismo.sink.DeliveryFailures.failureOf;
import static io.seismo.sink.SampleAlerts.cascade;
import static io.seismo.sink.SampleAlerts.notificationOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The webhook's HMAC signature, checked by a receiver that recomputes it. */
class SignedWebhookTest {
    private static final String SECRET = "s3cret-shared-with-the-receiver";
    /** HMAC-SHA256 keyed "key" of "1700000000.{}", from {@code printf '1700000000.{}' | openssl dgst -sha256 -hmac key}. */
    private static final String DOCUMENTED_EXAMPLE_HMAC =
            "9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae";

    private static Vertx vertx;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private SignatureCheckingReceiver receiver;

    @TempDir
    Path dir;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new SignatureCheckingReceiver(vertx, SECRET);
    }

    @AfterEach
    void stopReceiver() throws Exception {
        receiver.close();
    }

    @Test
    void shouldSignSoThatTheReceiverAcceptsTheExactBody() throws Exception {
        try (AlertSink sink = webhook(Map.of("secret", SECRET))) {
            awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));
        }

        SignatureCheckingReceiver.Signed signed = receiver.nextAccepted();
        assertThat(signed.signature()).matches("sha256=[0-9a-f]{64}");
        assertThat(new ObjectMapper().readTree(signed.body()).get("status").asText()).isEqualTo("firing");
    }

    @Test
    void shouldReadTheSecretFromAFile() throws Exception {
        Path secretFile = Files.writeString(dir.resolve("webhook.secret"), SECRET + "\n");
        try (AlertSink sink = webhook(Map.of("secretFile", secretFile.toString()))) {
            awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));
        }

        assertThat(receiver.nextAccepted().signature()).startsWith("sha256=");
    }

    @Test
    void shouldBeRejectedWhenSignedWithAnotherSecret() throws Exception {
        try (AlertSink sink = webhook(Map.of("secret", "not-the-receivers-secret"))) {
            DeliveryException failure = failureOf(sink.send(notificationOf(cascade(AlertStatus.FIRING))));

            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).contains("401");
        }
    }

    @Test
    void shouldBeRejectedUnsigned() throws Exception {
        try (AlertSink sink = webhook(Map.of())) {
            assertThat(failureOf(sink.send(notificationOf(cascade(AlertStatus.FIRING)))).getMessage()).contains("401");
        }
    }

    @Test
    void shouldNotVerifyATamperedBodyOrAMovedTimestamp() throws Exception {
        try (AlertSink sink = webhook(Map.of("secret", SECRET))) {
            awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));
        }
        SignatureCheckingReceiver.Signed signed = receiver.nextAccepted();
        byte[] tampered = Arrays.copyOf(signed.body(), signed.body().length);
        tampered[tampered.length / 2] ^= 1;
        String later = Long.toString(Long.parseLong(signed.timestamp()) + 60);

        assertThat(replay(signed.body(), signed.timestamp(), signed.signature())).isEqualTo(204);
        assertThat(replay(tampered, signed.timestamp(), signed.signature())).isEqualTo(401);
        assertThat(replay(signed.body(), later, signed.signature())).isEqualTo(401);
    }

    @Test
    void shouldSignTheTimestampAndBodyAsDocumented() {
        WebhookSignature signature = new WebhookSignature("key");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        Map<String, String> headers = signature.headers(Instant.ofEpochSecond(1_700_000_000L), body);

        assertThat(headers).containsEntry("X-Seismo-Timestamp", "1700000000")
                .containsEntry("X-Seismo-Signature", "sha256=" + DOCUMENTED_EXAMPLE_HMAC);
    }

    private int replay(byte[] body, String timestamp, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url()))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Seismo-Timestamp", timestamp)
                .header("X-Seismo-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private AlertSink webhook(Map<String, Object> signing) {
        Map<String, Object> options = new HashMap<>(signing);
        options.put("url", receiver.url());
        return AlertSinks.create(new SinkSpec("signed-hook", "webhook", options), new SinkContext(vertx));
    }
}
