package io.seismo.daemon.parse;

import java.nio.charset.StandardCharsets;

/**
 * One log line as a ring slot holds it: its UTF-8 bytes, copied into an array the slot reuses, so a line costs no
 * String on its way from the ingest body through the journal (which writes the bytes as they are) to the parsers
 * (which read them as characters). A String per line was a quarter of what the daemon allocated flat out, and one
 * more per line took 11–15 % off the end-to-end benchmark's flat-out rate (bench/PERFORMANCE-LOG.md). An ASCII line,
 * the usual kind, reads byte for byte; any other through a String decoded on first use. A line given as a String (a
 * replayed one, say) is held as that String and encoded only if its bytes are asked for. Not thread-safe: the
 * ring's handlers take turns on a slot.
 */
public final class LineText implements CharSequence {
    /**
     * A slot that held a longer line gives its array up when released, so a ring of 65,536 slots keeps at most 64 MiB
     * of line bytes however long some lines were (stack traces shipped as one line, say); such lines cost an array
     * each, as a String each did before.
     */
    static final int KEPT_BYTES = 1024;
    private static final byte[] NO_BYTES = new byte[0];

    /** Sized by the first line the slot holds, so a ring of short lines keeps about their size per slot. */
    private byte[] bytes = NO_BYTES;
    private int byteCount;
    private boolean bytesHeld;
    private boolean ascii;
    /** The line as a String: given, or made on first use; null until then. */
    private String string;

    /** Holds a copy of the UTF-8 bytes {@code start} to {@code start + count} of {@code source}. */
    public void setBytes(byte[] source, int start, int count, boolean asciiOnly) {
        if (count > bytes.length) {
            bytes = new byte[Math.max(count, 2 * bytes.length)];
        }
        System.arraycopy(source, start, bytes, 0, count);
        byteCount = count;
        bytesHeld = true;
        ascii = asciiOnly;
        string = null;
    }

    /** Holds {@code line} itself. */
    public void setString(String line) {
        string = line;
        bytesHeld = false;
        byteCount = 0;
        ascii = false;
    }

    /** Holds nothing (an empty line); an array grown past {@link #KEPT_BYTES} is given up. */
    public void clear() {
        string = null;
        bytesHeld = false;
        byteCount = 0;
        if (bytes.length > KEPT_BYTES) {
            bytes = NO_BYTES;
        }
    }

    /** Whether the line is held as its bytes (so {@link #utf8()} encodes nothing). */
    public boolean holdsBytes() {
        return bytesHeld;
    }

    /**
     * The line's UTF-8 bytes: the first {@link #utf8Length()} of this array, valid until the next change. A line
     * held as a String is encoded now (and then kept as bytes too).
     */
    public byte[] utf8() {
        if (!bytesHeld && string != null) {
            // Characters still come from the String: a lone surrogate's byte ('?') is not the character.
            String kept = string;
            byte[] encoded = kept.getBytes(StandardCharsets.UTF_8);
            setBytes(encoded, 0, encoded.length, false);
            string = kept;
        }
        return bytes;
    }

    /** How many bytes of {@link #utf8()} are the line's. */
    public int utf8Length() {
        utf8();
        return byteCount;
    }

    /** Copies the line's characters into {@code into} from index 0; it must have room for {@link #length()}. */
    public void getChars(char[] into) {
        if (readsBytes()) {
            for (int i = 0; i < byteCount; i++) {
                into[i] = (char) (bytes[i] & 0xFF);
            }
        } else {
            String text = toString();
            text.getChars(0, text.length(), into, 0);
        }
    }

    @Override
    public int length() {
        return readsBytes() ? byteCount : toString().length();
    }

    @Override
    public char charAt(int index) {
        if (!readsBytes()) {
            return toString().charAt(index);
        }
        if (index < 0 || index >= byteCount) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (bytes[index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    /** The line as a String, made once per line held. */
    @Override
    public String toString() {
        if (string == null) {
            string = bytesHeld ? new String(bytes, 0, byteCount, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8)
                    : "";
        }
        return string;
    }

    /** Whether the bytes are the characters, one for one. */
    private boolean readsBytes() {
        return bytesHeld && ascii;
    }

    /** The length of the array the bytes go into. */
    int capacity() {
        return bytes.length;
    }
}
