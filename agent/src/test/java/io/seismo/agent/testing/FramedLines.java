package io.seismo.agent.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a body the agent sent as the daemon's format describes it ({@code application/vnd.seismo.lines}: per line a
 * big-endian 64-bit offset, a flags byte with bit 0 for a cut line, a 32-bit length, then the bytes), independently
 * of the agent's encoder; anything that does not add up fails the test.
 */
public final class FramedLines {
    /** One framed line, its bytes decoded as UTF-8. */
    public record Frame(long offset, String text, boolean truncated) {
    }

    private FramedLines() {
    }

    public static List<Frame> parse(byte[] body, int length) {
        ByteBuffer in = ByteBuffer.wrap(body, 0, length);
        List<Frame> frames = new ArrayList<>();
        while (in.hasRemaining()) {
            if (in.remaining() < 13) {
                throw new AssertionError("a frame header cut short at byte " + in.position());
            }
            long offset = in.getLong();
            int flags = in.get();
            int size = in.getInt();
            if ((flags & ~1) != 0 || size < 0 || size > in.remaining()) {
                throw new AssertionError("a bad frame header at byte " + (in.position() - 13) + ": flags " + flags
                        + ", length " + size);
            }
            byte[] text = new byte[size];
            in.get(text);
            frames.add(new Frame(offset, new String(text, StandardCharsets.UTF_8), flags == 1));
        }
        return frames;
    }
}
