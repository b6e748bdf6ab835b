package io.seismo.daemon.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds a {@link LineFrames} body in tests, from the format's description rather than the agent's encoder. */
final class FramedBody {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    FramedBody line(long offset, String text) {
        return line(offset, 0, text.getBytes(StandardCharsets.UTF_8));
    }

    FramedBody cut(long offset, String text) {
        return line(offset, 1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A line with any flags and bytes, well-formed or not. */
    FramedBody line(long offset, int flags, byte[] bytes) {
        return header(offset, flags, bytes.length).raw(bytes);
    }

    /** A header alone, whatever its length says. */
    FramedBody header(long offset, int flags, int length) {
        return raw(ByteBuffer.allocate(LineFrames.HEADER_BYTES).putLong(offset).put((byte) flags).putInt(length).array());
    }

    FramedBody raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
