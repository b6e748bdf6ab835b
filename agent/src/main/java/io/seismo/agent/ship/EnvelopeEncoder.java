package io.seismo.agent.ship;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.seismo.agent.tail.Line;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes one line as the wire envelope {@code {"o":<offset>,"l":"<text>"}} (plus {@code "t":true} when cut)
 * and a newline. One generator is reused for every line; the encoded bytes stay in a scratch buffer until
 * the next call, so a batch can check they fit before it copies them.
 */
public final class EnvelopeEncoder {
    private static final JsonFactory JSON = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    private final ByteArrayOutputStream scratch = new ByteArrayOutputStream(256);
    private final JsonGenerator generator;

    public EnvelopeEncoder() {
        try {
            generator = JSON.createGenerator(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes {@code line}; returns the encoded size in bytes, newline included. */
    public int encode(Line line) {
        scratch.reset();
        try {
            generator.writeStartObject();
            generator.writeNumberField("o", line.offset());
            generator.writeStringField("l", line.text());
            if (line.truncated()) {
                generator.writeBooleanField("t", true);
            }
            generator.writeEndObject();
            generator.writeRaw('\n');
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return scratch.size();
    }

    /** Copies the last encoded envelope to {@code out}. */
    public void copyTo(ByteArrayOutputStream out) {
        try {
            scratch.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }
}
