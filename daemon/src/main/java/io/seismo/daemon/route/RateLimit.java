package io.seismo.daemon.route;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** At most {@code count} notifications per {@code per} to one receiver, e.g. {@code 10/1m}. */
public record RateLimit(int count, Duration per) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*(ms|s|m|h)");

    public RateLimit {
        Objects.requireNonNull(per, "per");
        if (count < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1 notification, got " + count);
        }
        if (per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit's period must be positive, got " + per);
        }
    }

    /** Reads {@code 10/1m}, {@code 1/30s}, {@code 100/1h}; IllegalArgumentException for anything else. */
    public static RateLimit parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate limit (write e.g. 10/1m, 1/30s)");
        }
        long amount = Long.parseLong(m.group(2));
        Duration per = switch (m.group(3)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        return new RateLimit(Integer.parseInt(m.group(1)), per);
    }
}
