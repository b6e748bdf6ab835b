package io.seismo.daemon.journal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A line's UTF-8 bytes in an array reused from line to line: the journal encodes every line it appends, and a
 * new array per line was a tenth of all the daemon allocated flat out. The bytes are exactly those of
 * {@code line.getBytes(StandardCharsets.UTF_8)}, a lone surrogate included (it becomes {@code '?'}). The JDK's
 * encoder does the work: over array-backed buffers it takes a run of ASCII in one intrinsic copy, which a loop of
 * our own over the chars did not match (JournalBenchmark: 390 ns a line against 520).
 */
final class LineBytes {
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(new byte[] {'?'});
    private char[] chars = new char[256];
    private CharBuffer in = CharBuffer.wrap(chars);
    /** At most three bytes per char: a surrogate pair, two chars, makes four. */
    private ByteBuffer out = ByteBuffer.wrap(new byte[3 * chars.length]);

    /** Encodes {@code line}, replacing what the last call encoded. */
    void encode(String line) {
        int count = line.length();
        if (chars.length < count) {
            chars = new char[Math.max(count, 2 * chars.length)];
            in = CharBuffer.wrap(chars);
            out = ByteBuffer.wrap(new byte[3 * chars.length]);
        }
        line.getChars(0, count, chars, 0);
        in.clear().limit(count);
        out.clear();
        encoder.reset();
        // Cannot overflow (room for three bytes a char) and replaces what it cannot encode: nothing to check.
        encoder.encode(in, out, true);
        encoder.flush(out);
    }

    /** The encoded bytes: the first {@link #length()} of this array, valid until the next {@link #encode}. */
    byte[] array() {
        return out.array();
    }

    int length() {
        return out.position();
    }
}
