package io.seismo.daemon.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads one NDJSON envelope line of an ingest body, {@code {"o":<offset>,"l":"<line>","t":true?}}: the agent's
 * plain envelopes with {@link PlainEnvelopeScanner}, any other with Jackson's streaming parser (no tree). Unknown
 * fields are skipped so agents can add some later.
 */
final class EnvelopeReader {
    private final JsonFactory json = new JsonFactory();
    /** Null when every envelope goes to Jackson. */
    private final PlainEnvelopeScanner plain;
    private long offset;
    private String line;
    private boolean truncated;

    EnvelopeReader() {
        this(true);
    }

    private EnvelopeReader(boolean plainFirst) {
        plain = plainFirst ? new PlainEnvelopeScanner(json.streamReadConstraints()) : null;
    }

    /** Reads every envelope with Jackson: the reference the fast path is held to. */
    static EnvelopeReader jacksonOnly() {
        return new EnvelopeReader(false);
    }

    /** Returns false when the bytes are not an envelope with a string {@code l}; never throws. */
    boolean read(byte[] buf, int start, int length) {
        if (plain != null && plain.read(buf, start, length)) {
            offset = plain.offset();
            line = plain.line();
            truncated = plain.truncated();
            return true;
        }
        offset = -1;
        line = null;
        truncated = false;
        try (JsonParser p = json.createParser(buf, start, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "o":
                        if (value != JsonToken.VALUE_NUMBER_INT) {
                            return false;
                        }
                        offset = p.getLongValue();
                        break;
                    case "l":
                        if (value != JsonToken.VALUE_STRING) {
                            return false;
                        }
                        line = p.getText();
                        break;
                    case "t":
                        truncated = value == JsonToken.VALUE_TRUE;
                        break;
                    default:
                        p.skipChildren();
                }
            }
            return t == JsonToken.END_OBJECT && p.nextToken() == null && line != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    long offset() {
        return offset;
    }

    String line() {
        return line;
    }

    boolean truncated() {
        return truncated;
    }
}
