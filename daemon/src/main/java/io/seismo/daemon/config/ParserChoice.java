package io.seismo.daemon.config;

/** The parser settings of one source, as written in config ({@code format}, {@code pattern}, {@code timeFormat}, {@code timeZone}). */
public record ParserChoice(String format, String pattern, String timeFormat, String timeZone) {
    public static final ParserChoice JSON = new ParserChoice("json", null, null, null);
}
