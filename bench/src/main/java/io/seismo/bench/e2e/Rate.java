package io.seismo.bench.e2e;

/**
 * How fast the generator writes: lines per second ({@code --rate 20000}), bytes per second ({@code --rate 5MB},
 * which is how the agent's 5 MB/s target is stated), or as fast as one thread can ({@code --rate max}).
 */
record Rate(long perSecond, Unit unit) {
    static final Rate MAX = new Rate(0, Unit.LINES);

    enum Unit { LINES, BYTES }

    Rate {
        if (perSecond < 0) {
            throw new IllegalArgumentException("a rate cannot be negative: " + perSecond);
        }
    }

    /** {@code max}, {@code N} lines/s, or {@code N MB} / {@code N MB/s} (10^6 bytes) per second. */
    static Rate parse(String text) {
        String value = text.trim().toUpperCase(java.util.Locale.ROOT);
        try {
            if ("MAX".equals(value)) {
                return MAX;
            }
            if (value.endsWith("MB") || value.endsWith("MB/S")) {
                double megabytes = Double.parseDouble(value.substring(0, value.indexOf("MB")).trim());
                return new Rate(Math.round(megabytes * 1e6), Unit.BYTES);
            }
            return new Rate(Long.parseLong(value), Unit.LINES);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate takes max, lines per second (20000) or megabytes per second (5MB), not "
                    + text, e);
        }
    }

    boolean isMax() {
        return perSecond == 0;
    }

    /** Lines or bytes (as the unit says) that should have been written {@code elapsedNanos} after the start. */
    long dueAfter(long elapsedNanos) {
        return isMax() ? Long.MAX_VALUE : (long) (elapsedNanos / 1e9 * perSecond);
    }

    String text() {
        if (isMax()) {
            return "max";
        }
        return unit == Unit.LINES ? perSecond + " lines/s" : perSecond / 1e6 + " MB/s";
    }
}
