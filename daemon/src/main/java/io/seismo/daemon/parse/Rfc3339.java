package io.seismo.daemon.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * ISO-8601 / RFC 3339 timestamps read by hand, because this runs for nearly every line and
 * {@link java.time.format.DateTimeFormatter} allocates several objects per parse. Accepts
 * {@code yyyy-MM-dd[(T|t| )HH:mm[:ss[(.|,)fraction]]][Z|z|±HH[[:]MM]]}; a time without offset is in the source's zone.
 */
final class Rfc3339 {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MAX_SECONDS_AS_NANOS = Long.MAX_VALUE / NANOS_PER_SECOND - 1;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private final ZoneRules zoneRules;
    private final boolean fixedZone;
    private final int fixedOffsetSeconds;

    Rfc3339(ZoneId zone) {
        this.zoneRules = zone.getRules();
        this.fixedZone = zoneRules.isFixedOffset();
        this.fixedOffsetSeconds = zoneRules.getOffset(Instant.EPOCH).getTotalSeconds();
    }

    /** Epoch nanoseconds, or {@link TimeReader#UNREADABLE}. */
    long toEpochNanos(CharSequence s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return TimeReader.UNREADABLE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return TimeReader.UNREADABLE;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        long nanoOfSecond = 0;
        int i = 10;
        if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == 't' || s.charAt(i) == ' ')) {
            if (i + 6 > n || s.charAt(i + 3) != ':') {
                return TimeReader.UNREADABLE;
            }
            hour = digits(s, i + 1, 2);
            minute = digits(s, i + 4, 2);
            i += 6;
            if (i < n && s.charAt(i) == ':') {
                second = digits(s, i + 1, 2);
                i += 3;
                if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                    int start = ++i;
                    long scale = NANOS_PER_SECOND;
                    while (i < n && EpochNumber.isDigit(s.charAt(i))) {
                        scale /= 10;
                        nanoOfSecond += (s.charAt(i) - '0') * scale;
                        i++;
                    }
                    if (i == start) {
                        return TimeReader.UNREADABLE;
                    }
                }
            }
            // 60 is a leap second: it reads as the last second of the minute.
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
                return TimeReader.UNREADABLE;
            }
            second = Math.min(second, 59);
        }
        long localSeconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L
                + hour * 3600L + minute * 60L + second;
        long offsetSeconds;
        if (i == n) {
            offsetSeconds = zoneOffsetSeconds(localSeconds);
        } else {
            offsetSeconds = explicitOffsetSeconds(s, i);
            if (offsetSeconds == TimeReader.UNREADABLE) {
                return TimeReader.UNREADABLE;
            }
        }
        long epochSeconds = localSeconds - offsetSeconds;
        if (Math.abs(epochSeconds) > MAX_SECONDS_AS_NANOS) {
            return TimeReader.UNREADABLE;
        }
        return epochSeconds * NANOS_PER_SECOND + nanoOfSecond;
    }

    private long zoneOffsetSeconds(long localSeconds) {
        if (fixedZone) {
            return fixedOffsetSeconds;
        }
        return zoneRules.getOffset(LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC)).getTotalSeconds();
    }

    /** {@code Z}, {@code ±HH}, {@code ±HHMM} or {@code ±HH:MM} running to the end of the text. */
    private static long explicitOffsetSeconds(CharSequence s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == 'Z' || c == 'z') {
            return i + 1 == n ? 0 : TimeReader.UNREADABLE;
        }
        if (c != '+' && c != '-') {
            return TimeReader.UNREADABLE;
        }
        int hours = digits(s, i + 1, 2);
        int minutes = 0;
        i += 3;
        if (i < n && s.charAt(i) == ':') {
            i++;
        }
        if (i < n) {
            minutes = digits(s, i, 2);
            i += 2;
        }
        if (i != n || hours < 0 || minutes < 0 || minutes > 59) {
            return TimeReader.UNREADABLE;
        }
        int seconds = hours * 3600 + minutes * 60;
        if (seconds > MAX_OFFSET_SECONDS) {
            return TimeReader.UNREADABLE;
        }
        return c == '-' ? -seconds : seconds;
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1. */
    private static int digits(CharSequence s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!EpochNumber.isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
