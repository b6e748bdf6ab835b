/**
 * Line parsers: one raw log line into the fields of a reusable {@link io.seismo.rules.event.Event}.
 * <p>
 * {@link io.seismo.daemon.parse.ParserFactory#create} builds a parser from a {@link io.seismo.daemon.parse.ParserSpec}
 * ({@code json}, {@code logfmt}, {@code regex} or {@code raw}). Parsers run on the parse threads, one instance per
 * thread, reuse their scratch state, never throw, and report a line they cannot read by flagging the event
 * ({@code parseFailed}, {@link io.seismo.daemon.parse.LineParser#PARSE_ERROR_ATTR}) with the line as its message.
 * <p>
 * Field names understood in JSON and logfmt lines and as regex group names are listed in {@code KnownField} (so a
 * regex group named {@code body} or {@code ts} fills the message or the time, like the same JSON key would). Regex
 * patterns are applied with {@code find()}: anchor them with {@code ^…$} to match whole lines.
 * A time field is read with the source's {@code timeFormat} if any, else as an epoch number (unit by magnitude) or
 * ISO-8601 / RFC 3339 text; a time that cannot be read leaves the receive time and sets
 * {@link io.seismo.daemon.parse.LineParser#TIME_INVALID_ATTR}.
 */
package io.seismo.daemon.parse;
