package io.seismo.daemon.parse;

/**
 * Epoch times written as numbers, unit told by magnitude: below 1e11 seconds (with an optional fraction), below
 * 1e14 milliseconds, below 1e17 microseconds, else nanoseconds. So millisecond times before 1973 read as seconds,
 * the usual price of guessing units.
 */
final class EpochNumber {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EpochNumber() {
    }

    /** Epoch nanoseconds, or {@link TimeReader#UNREADABLE} when the text is not a plain non-negative number. */
    static long toNanos(CharSequence text) {
        int length = text.length();
        int i = 0;
        long whole = 0;
        while (i < length && isDigit(text.charAt(i))) {
            int digit = text.charAt(i) - '0';
            if (whole > (Long.MAX_VALUE - digit) / 10) {
                return TimeReader.UNREADABLE;
            }
            whole = whole * 10 + digit;
            i++;
        }
        if (i == 0) {
            return TimeReader.UNREADABLE;
        }
        long fractionNanos = 0;
        if (i < length && text.charAt(i) == '.') {
            int start = ++i;
            long scale = NANOS_PER_SECOND;
            while (i < length && isDigit(text.charAt(i))) {
                scale /= 10;
                fractionNanos += (text.charAt(i) - '0') * scale;
                i++;
            }
            if (i == start) {
                return TimeReader.UNREADABLE;
            }
        }
        if (i != length) {
            return TimeReader.UNREADABLE;
        }
        long unitNanos = whole < 100_000_000_000L ? NANOS_PER_SECOND
                : whole < 100_000_000_000_000L ? 1_000_000L
                : whole < 100_000_000_000_000_000L ? 1_000L
                : 1L;
        if (whole > (Long.MAX_VALUE - unitNanos) / unitNanos) {
            return TimeReader.UNREADABLE;
        }
        // fractionNanos is in units of 1e-9 of one unit: below 1e9, times a unit of at most 1e9, fits a long.
        return whole * unitNanos + fractionNanos * unitNanos / NANOS_PER_SECOND;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
