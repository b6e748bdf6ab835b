package io.seismo.daemon.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.seismo.rules.event.Event;

import java.io.IOException;
import java.io.StringWriter;

/**
 * One JSON object per line. Nested objects flatten to dotted names ({@code {"service":{"name":"x"}}} is
 * {@code service.name}); arrays are kept as their JSON text. The common plain line is read by
 * {@link PlainJsonScanner} without a parser object; any other line by Jackson's streaming parser (no tree), which
 * also words every error. Jackson has no way to re-point a parser at new input, so each such line gets a parser
 * from the reused factory, which hands it recycled buffers.
 */
final class JsonLineParser implements LineParser {
    private static final int MAX_REASON_CHARS = 160;

    private final JsonFactory factory = new JsonFactory();
    private final FieldCollector fields;
    private final StringWriter arrayText = new StringWriter();
    private final DottedNames names;
    /** Null when every line goes to Jackson. */
    private final PlainJsonScanner plain;

    JsonLineParser(FieldCollector fields) {
        this(fields, true);
    }

    private JsonLineParser(FieldCollector fields, boolean plainFirst) {
        this.fields = fields;
        this.names = new DottedNames(fields);
        this.plain = plainFirst ? new PlainJsonScanner(fields, names, factory.streamReadConstraints()) : null;
    }

    /** Reads every line with Jackson: the reference the fast path is held to. */
    static JsonLineParser jacksonOnly(FieldCollector fields) {
        return new JsonLineParser(fields, false);
    }

    @Override
    public boolean parse(CharSequence line, Event out) {
        fields.clear();
        if (plain != null && plain.scan(line)) {
            return fields.commitTo(out, line);
        }
        fields.clear();
        try (JsonParser parser = factory.createParser(line.toString())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return ParseFailure.record(out, line, "not a JSON object");
            }
            if (!readObject(parser)) {
                return ParseFailure.record(out, line, "truncated JSON");
            }
            if (parser.nextToken() != null) {
                return ParseFailure.record(out, line, "more than one JSON value on the line");
            }
        } catch (JsonProcessingException e) {
            String reason = "invalid JSON" + column(e.getLocation()) + ": " + brief(e.getOriginalMessage());
            return ParseFailure.record(out, line, reason);
        } catch (IOException e) {
            return ParseFailure.record(out, line, "invalid JSON");
        }
        return fields.commitTo(out, line);
    }

    /** Walks the root object without recursion; false when the input ends inside it. */
    private boolean readObject(JsonParser parser) throws IOException {
        int depth = 0;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            switch (token) {
                case FIELD_NAME:
                case VALUE_NULL:
                    break;
                case START_OBJECT:
                    names.open(depth, names.of(depth, parser.currentName()));
                    depth++;
                    break;
                case END_OBJECT:
                    if (depth == 0) {
                        return true;
                    }
                    depth--;
                    break;
                case START_ARRAY:
                    fields.offer(names.of(depth, parser.currentName()), arrayText(parser));
                    break;
                default:
                    // The token's characters in the parser's buffer: no String of their own unless they are new.
                    int start = parser.getTextOffset();
                    fields.offer(names.of(depth, parser.currentName()), parser.getTextCharacters(), start,
                            start + parser.getTextLength());
                    break;
            }
        }
        return false;
    }

    private String arrayText(JsonParser parser) throws IOException {
        arrayText.getBuffer().setLength(0);
        try (JsonGenerator generator = factory.createGenerator(arrayText)) {
            generator.copyCurrentStructure(parser);
        }
        return arrayText.toString();
    }

    /** Jackson's first line, capped: enough to see what went wrong without echoing a huge line back. */
    private static String brief(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String first = end < 0 ? message : message.substring(0, end);
        return first.length() <= MAX_REASON_CHARS ? first : first.substring(0, MAX_REASON_CHARS) + "…";
    }

    private static String column(JsonLocation location) {
        return location == null || location.getColumnNr() < 0 ? "" : " at column " + location.getColumnNr();
    }
}
