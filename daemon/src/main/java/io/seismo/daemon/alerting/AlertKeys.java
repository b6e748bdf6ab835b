package io.seismo.daemon.alerting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stable identities. The fingerprint names an alert series (rule + labels); the id names one firing of it
 * (fingerprint + start), so replaying the same findings yields the same ids and a receiver can dedupe.
 * Parts are length-prefixed before hashing so that no choice of label text can make two inputs collide.
 */
final class AlertKeys {
    private static final int HEX_CHARS = 16;

    private AlertKeys() {
    }

    static String fingerprint(String ruleName, Map<String, String> labels) {
        StringBuilder text = new StringBuilder();
        append(text, ruleName);
        new TreeMap<>(labels).forEach((name, value) -> {
            append(text, name);
            append(text, value);
        });
        return sha256Prefix(text);
    }

    static String alertId(String fingerprint, Instant startsAt) {
        StringBuilder text = new StringBuilder();
        append(text, fingerprint);
        append(text, Long.toString(startsAt.getEpochSecond()));
        append(text, Integer.toString(startsAt.getNano()));
        return sha256Prefix(text);
    }

    /**
     * The outbox key of one notification: receiver, group, what it says (its alerts' ids and statuses) and how
     * often the same was said before. A replay that rebuilds the same alerts from the same findings yields the
     * same keys; one that groups them differently yields other keys, so nothing is lost to the dedupe.
     */
    static String notificationKey(String receiver, String groupKey, String content, int repeat) {
        StringBuilder text = new StringBuilder();
        append(text, receiver);
        append(text, groupKey);
        append(text, content);
        append(text, Integer.toString(repeat));
        return sha256Prefix(text);
    }

    private static void append(StringBuilder text, String part) {
        text.append(part.length()).append(':').append(part);
    }

    private static String sha256Prefix(CharSequence text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
