package io.seismo.daemon.alerting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Durations and figures the way a human writes them in an alert: {@code 30s}, {@code 850ms}, {@code 1h30m}, {@code 0.42}. */
final class HumanFormat {
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private HumanFormat() {
    }

    static String duration(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toNanos() / NANOS_PER_MILLI + "ms";
        }
        if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
            return number(duration.toMillis() / 1000.0) + "s";
        }
        StringBuilder text = new StringBuilder();
        appendPart(text, duration.toHours(), "h");
        appendPart(text, duration.toMinutesPart(), "m");
        appendPart(text, duration.toSecondsPart(), "s");
        return text.toString();
    }

    /** A figure with at most three decimals and no trailing zeros: {@code 37}, {@code 0.42}. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static void appendPart(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
