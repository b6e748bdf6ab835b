package io.seismo.bench.parse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded log lines in the shapes the benchmarks parse: JSON of about 250 bytes with trace ids (the end-to-end
 * target's shape), the same fields as logfmt, and Apache access lines. ASCII only, so characters are bytes.
 */
public final class SampleLines {
    private static final String[] SERVICES = {"checkout", "payments", "gateway", "search", "inventory", "auth"};
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};
    private static final String[] PATHS = {"/api/cart", "/api/pay", "/static/app.js", "/search?q=shoes", "/login"};
    private static final DateTimeFormatter APACHE_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private SampleLines() {
    }

    /** {@code count} lines (a power of two) of a format: json, logfmt or regex (Apache access). */
    public static String[] of(String format, int count) {
        SplittableRandom random = new SplittableRandom(7);
        String[] lines = new String[count];
        long millis = Instant.parse("2026-11-23T12:00:00Z").toEpochMilli();
        for (int i = 0; i < count; i++) {
            millis += random.nextInt(5);
            String time = Instant.ofEpochMilli(millis).toString();
            String service = SERVICES[random.nextInt(SERVICES.length)];
            String level = LEVELS[random.nextInt(LEVELS.length)];
            String trace = hex(random, 32);
            String span = hex(random, 16);
            int status = random.nextInt(100) < 3 ? 503 : 200;
            lines[i] = switch (format) {
                case "json" -> "{\"ts\":\"" + time + "\",\"level\":\"" + level + "\",\"service\":\"" + service
                        + "\",\"trace_id\":\"" + trace + "\",\"span_id\":\"" + span + "\",\"msg\":\"request handled\""
                        + ",\"http.status\":" + status + ",\"duration_ms\":" + random.nextInt(900)
                        + ",\"user\":\"user-" + random.nextInt(100_000) + "\"}";
                case "logfmt" -> "ts=" + time + " level=" + level + " service=" + service + " trace_id=" + trace
                        + " span_id=" + span + " msg=\"request handled\" http.status=" + status + " duration_ms="
                        + random.nextInt(900) + " user=user-" + random.nextInt(100_000);
                case "regex" -> "10.0." + random.nextInt(256) + "." + random.nextInt(256) + " - user"
                        + random.nextInt(1000) + " [" + APACHE_TIME.format(Instant.ofEpochMilli(millis)) + "] \"GET "
                        + PATHS[random.nextInt(PATHS.length)] + " HTTP/1.1\" " + status + " " + random.nextInt(50_000);
                default -> throw new IllegalArgumentException("unknown format " + format);
            };
        }
        return lines;
    }

    private static String hex(SplittableRandom random, int digits) {
        StringBuilder text = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }
}
