package io.seismo.daemon.parse;

import java.nio.charset.StandardCharsets;

/**
 * A line's UTF-8 bytes for a scanner that reads bytes: a ring slot's own array when the line is held as bytes (the
 * daemon's usual case: nothing copied), else the line encoded into an array reused from line to line. A line with
 * a lone surrogate has no UTF-8 of its own (encoding it would put a '?' in its place), so it has none here.
 */
final class Utf8Line {
    private byte[] reused = new byte[256];
    private byte[] bytes;
    private int length;

    /** Reads {@code line}; false when it has a lone surrogate, and then {@link #bytes()} are not its own. */
    boolean read(CharSequence line) {
        if (line instanceof LineText text && text.holdsBytes()) {
            bytes = text.utf8();
            length = text.utf8Length();
            return true;
        }
        String string = line.toString();
        int count = string.length();
        if (count > reused.length) {
            reused = new byte[Math.max(count, 2 * reused.length)];
        }
        for (int i = 0; i < count; i++) {
            char c = string.charAt(i);
            if (c >= 0x80) {
                return encodedWhole(string);
            }
            reused[i] = (byte) c;
        }
        bytes = reused;
        length = count;
        return true;
    }

    /** The bytes: the first {@link #length()} of this array, valid until the next read or the line changes. */
    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** A line with characters beyond ASCII, rare enough to encode with a new array. */
    private boolean encodedWhole(String string) {
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < string.length()
                    && Character.isLowSurrogate(string.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        bytes = string.getBytes(StandardCharsets.UTF_8);
        length = bytes.length;
        return true;
    }
}
