package io.seismo.daemon.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads one NDJSON envelope line of an ingest body, {@code {"o":<offset>,"l":"<line>","t":true?}}, with
 * Jackson's streaming parser (no tree). Unknown fields are skipped so agents can add some later.
 */
final class EnvelopeReader {
    private final JsonFactory json = new JsonFactory();
    private long offset;
    private String line;
    private boolean truncated;

    /** Returns false when the bytes are not an envelope with a string {@code l}; never throws. */
    boolean read(byte[] buf, int start, int length) {
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
