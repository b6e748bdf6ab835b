package io.seismo.sink.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * Signs webhook requests so that a receiver can tell Seismo's requests from forged or replayed ones.
 *
 * <p>Scheme: {@code X-Seismo-Timestamp} carries the send time in Unix seconds, and {@code X-Seismo-Signature} is
 * {@code sha256=} followed by the lowercase hex HMAC-SHA256, keyed with the shared secret (its UTF-8 bytes), of
 * the timestamp's decimal digits, one {@code .}, and the exact body bytes. A receiver recomputes the HMAC over the
 * timestamp header and the raw body it read (before any JSON parsing), compares it in constant time
 * ({@code MessageDigest.isEqual}), and refuses a timestamp more than a few minutes from its own clock: that bounds
 * replays, because changing the timestamp breaks the signature. Every retry is signed afresh with its own time.
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "X-Seismo-Signature";
    public static final String TIMESTAMP_HEADER = "X-Seismo-Timestamp";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public WebhookSignature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The two headers for a request sent at {@code now} with this body. */
    public Map<String, String> headers(Instant now, byte[] body) {
        String timestamp = Long.toString(now.getEpochSecond());
        return Map.of(TIMESTAMP_HEADER, timestamp, SIGNATURE_HEADER, "sha256=" + hmacHex(timestamp, body));
    }

    private String hmacHex(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is stateful: one per request keeps sends independent
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is required of every Java platform; reaching this means a broken JDK.
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
