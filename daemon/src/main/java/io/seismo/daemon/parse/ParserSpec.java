package io.seismo.daemon.parse;

/**
 * How the lines of one source are parsed, as written in config. Validated by {@link ParserFactory#create}.
 *
 * @param format     {@code json}, {@code logfmt}, {@code regex} or {@code raw}
 * @param pattern    a Java regex with named groups; only for {@code regex}
 * @param timeFormat a {@link java.time.format.DateTimeFormatter} pattern tried first on the time field; null for
 *                   ISO-8601 / RFC 3339 text and epoch numbers only (those are always understood)
 * @param timeZone   zone for times written without one; null for UTC
 */
public record ParserSpec(String format, String pattern, String timeFormat, String timeZone) {

    public static ParserSpec json() {
        return new ParserSpec("json", null, null, null);
    }

    public static ParserSpec logfmt() {
        return new ParserSpec("logfmt", null, null, null);
    }

    public static ParserSpec raw() {
        return new ParserSpec("raw", null, null, null);
    }

    public static ParserSpec regex(String pattern) {
        return new ParserSpec("regex", pattern, null, null);
    }

    public ParserSpec withTimeFormat(String newTimeFormat) {
        return new ParserSpec(format, pattern, newTimeFormat, timeZone);
    }

    public ParserSpec withTimeZone(String newTimeZone) {
        return new ParserSpec(format, pattern, timeFormat, newTimeZone);
    }
}
