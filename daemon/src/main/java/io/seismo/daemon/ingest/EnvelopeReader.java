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
    private final Envelope envelope = new Envelope();

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
        if (plain != null && plain.read(buf, start, length, envelope)) {
            return true;
        }
        envelope.clear();
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
                        envelope.offset = p.getLongValue();
                        break;
                    case "l":
                        if (value != JsonToken.VALUE_STRING) {
                            return false;
                        }
                        envelope.line = p.getText();
                        break;
                    case "t":
                        envelope.truncated = value == JsonToken.VALUE_TRUE;
                        break;
                    default:
                        p.skipChildren();
                }
            }
            return t == JsonToken.END_OBJECT && p.nextToken() == null && envelope.hasLine();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    long offset() {
        return envelope.offset;
    }

    /** The line read, as a String. */
    String line() {
        return envelope.lineText();
    }

    /** What the last {@link #read} read; reused by the next. */
    Envelope envelope() {
        return envelope;
    }

    boolean truncated() {
        return envelope.truncated;
    }
}
