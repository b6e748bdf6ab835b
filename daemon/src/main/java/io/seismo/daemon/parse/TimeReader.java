package io.seismo.daemon.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Reads the time field of a line into epoch nanoseconds: the source's own {@code timeFormat} first when it has one,
 * then epoch numbers and ISO-8601 / RFC 3339 text, which every source understands.
 */
final class TimeReader {
    /** Returned for text that is not a time we can read. */
    static final long UNREADABLE = Long.MIN_VALUE;

    private static final long MAX_SECONDS_AS_NANOS = Long.MAX_VALUE / 1_000_000_000L - 1;

    private final ZoneId zone;
    private final DateTimeFormatter format;
    private final Rfc3339 iso;
    /**
     * The text last read through {@link #format}, and what it read as: a format of whole seconds (Apache's,
     * syslog's) writes the same text for every line of a second, and java.time's parse is most of such a line's cost.
     */
    private final StringBuilder lastFormatted = new StringBuilder();
    private long lastFormattedNanos;
    private boolean rememberedOne;

    private TimeReader(ZoneId zone, DateTimeFormatter format) {
        this.zone = zone;
        this.format = format;
        this.iso = new Rfc3339(zone);
    }

    /**
     * @param timeFormat a {@link DateTimeFormatter} pattern, or null
     * @param timeZone   a zone id for times written without one, or null for UTC
     * @throws IllegalArgumentException naming what is wrong with either
     */
    static TimeReader create(String timeFormat, String timeZone) {
        ZoneId zone = zone(timeZone);
        if (timeFormat == null || timeFormat.isBlank()) {
            return new TimeReader(zone, null);
        }
        DateTimeFormatter format;
        try {
            // English names: "Sun Dec 04" is how logs spell them whatever the machine's locale.
            DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern(timeFormat);
            if (!namesYear(timeFormat)) {
                // Syslog's "Dec 10 06:55:46" has no year; like rsyslog, take the current one.
                builder.parseDefaulting(ChronoField.YEAR, Year.now(zone).getValue());
            }
            format = builder.toFormatter(Locale.ENGLISH).withZone(zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("timeFormat '" + timeFormat + "' is not a valid DateTimeFormatter"
                    + " pattern: " + e.getMessage(), e);
        }
        TimeReader reader = new TimeReader(zone, format);
        reader.requireRoundTrip(timeFormat);
        return reader;
    }

    /** Whether a pattern has a year field outside its quoted literals. */
    private static boolean namesYear(String pattern) {
        String unquoted = pattern.replaceAll("'[^']*'", "");
        return unquoted.indexOf('y') >= 0 || unquoted.indexOf('u') >= 0 || unquoted.indexOf('Y') >= 0;
    }

    long toEpochNanos(CharSequence text) {
        if (format != null) {
            long nanos = fromFormatRemembered(text);
            if (nanos != UNREADABLE) {
                return nanos;
            }
        }
        long epoch = EpochNumber.toNanos(text);
        return epoch != UNREADABLE ? epoch : iso.toEpochNanos(text);
    }

    private long fromFormatRemembered(CharSequence text) {
        if (rememberedOne && CharSequence.compare(lastFormatted, text) == 0) {
            return lastFormattedNanos;
        }
        long nanos = fromFormat(text);
        lastFormatted.setLength(0);
        lastFormatted.append(text);
        lastFormattedNanos = nanos;
        rememberedOne = true;
        return nanos;
    }

    private long fromFormat(CharSequence text) {
        try {
            TemporalAccessor parsed = format.parse(text);
            long seconds;
            if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
                seconds = parsed.getLong(ChronoField.INSTANT_SECONDS);
            } else if (parsed.isSupported(ChronoField.EPOCH_DAY)) {
                LocalDate date = LocalDate.ofEpochDay(parsed.getLong(ChronoField.EPOCH_DAY));
                seconds = date.atStartOfDay(zone).toEpochSecond();
            } else {
                return UNREADABLE;
            }
            long nanoOfSecond = parsed.isSupported(ChronoField.NANO_OF_SECOND)
                    ? parsed.getLong(ChronoField.NANO_OF_SECOND) : 0;
            return Math.abs(seconds) > MAX_SECONDS_AS_NANOS ? UNREADABLE : seconds * 1_000_000_000L + nanoOfSecond;
        } catch (DateTimeException e) {
            return UNREADABLE;
        }
    }

    /** A pattern without a date (say {@code HH:mm}) compiles but can never place an event in time: refuse it now. */
    private void requireRoundTrip(String timeFormat) {
        ZonedDateTime sample = ZonedDateTime.of(2024, 5, 1, 12, 34, 56, 789_000_000, zone);
        String text;
        try {
            text = format.format(sample);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeFormat '" + timeFormat + "' cannot be used: " + e.getMessage(), e);
        }
        if (fromFormat(text) == UNREADABLE) {
            throw new IllegalArgumentException("timeFormat '" + timeFormat + "' does not describe a date (it read back"
                    + " '" + text + "' without one)");
        }
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone '" + timeZone + "' is not a zone id (use e.g. UTC,"
                    + " Europe/Paris or +02:00): " + e.getMessage(), e);
        }
    }
}
