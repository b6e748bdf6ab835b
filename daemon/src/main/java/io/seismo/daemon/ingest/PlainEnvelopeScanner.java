package io.seismo.daemon.ingest;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.seismo.daemon.bytes.ByteWords;

import java.util.Arrays;

/**
 * The fast path of {@link EnvelopeReader}: reads the envelope the agent writes, {@code {"o":<offset>,"l":"<line>"}}
 * with an optional {@code "t":true}, straight from the body's bytes, with no parser object per line. It takes
 * ASCII lines and the escapes JSON writes for them; whatever else it meets (another field, a byte above 127, an
 * escape for a character above 127, anything invalid) it declines, and Jackson reads the envelope instead: so every
 * envelope it accepts reads exactly as Jackson reads it.
 */
final class PlainEnvelopeScanner {
    /** More digits could overflow a long: Jackson's to read or refuse. */
    private static final int MAX_OFFSET_DIGITS = 18;
    private static final int DECLINED = -1;

    /** Lines as long as Jackson's limit or longer are Jackson's to refuse. */
    private final int maxLineChars;
    private byte[] bytes;
    private int end;
    private byte[] unescaped = new byte[512];
    /** Where the envelope being read goes. */
    private Envelope target;

    PlainEnvelopeScanner(StreamReadConstraints jacksonLimits) {
        this.maxLineChars = jacksonLimits.getMaxStringLength();
    }

    /** Reads the envelope in {@code buf[start, start + length)} into {@code into}; false declines it. */
    boolean read(byte[] buf, int start, int length, Envelope into) {
        bytes = buf;
        end = start + length;
        target = into;
        into.clear();
        int i = skipSpace(start);
        if (i == end || bytes[i] != '{') {
            return false;
        }
        i = skipSpace(i + 1);
        while (i != DECLINED && i < end) {
            i = readMember(i);
            if (i == DECLINED) {
                return false;
            }
            i = skipSpace(i);
            if (i == end) {
                return false;
            }
            if (bytes[i] == '}') {
                return skipSpace(i + 1) == end && into.hasLine();
            }
            i = bytes[i] == ',' ? skipSpace(i + 1) : DECLINED;
        }
        return false;
    }

    /** Reads {@code "o":N}, {@code "l":"..."} or {@code "t":true|false}; returns the index after it. */
    private int readMember(int from) {
        if (from + 3 > end || bytes[from] != '"' || bytes[from + 2] != '"') {
            return DECLINED;
        }
        byte name = bytes[from + 1];
        int i = skipSpace(from + 3);
        if (i == end || bytes[i] != ':') {
            return DECLINED;
        }
        i = skipSpace(i + 1);
        switch (name) {
            case 'o':
                return readOffset(i);
            case 'l':
                return readLine(i);
            case 't':
                if (literal(i, "true")) {
                    target.truncated = true;
                    return i + 4;
                }
                if (literal(i, "false")) {
                    target.truncated = false;
                    return i + 5;
                }
                return DECLINED;
            default:
                return DECLINED;
        }
    }

    /** An integer as JSON writes it: -?(0|[1-9][0-9]*), followed by a delimiter. */
    private int readOffset(int from) {
        int i = from;
        boolean negative = i < end && bytes[i] == '-';
        if (negative) {
            i++;
        }
        int digitsFrom = i;
        long value = 0;
        while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
            value = value * 10 + (bytes[i] - '0');
            i++;
        }
        int digits = i - digitsFrom;
        if (digits == 0 || digits > MAX_OFFSET_DIGITS || digits > 1 && bytes[digitsFrom] == '0' || !delimiter(i)) {
            return DECLINED;
        }
        target.offset = negative ? -value : value;
        return i;
    }

    /** A string of ASCII characters and escapes of ASCII characters. */
    private int readLine(int from) {
        if (from == end || bytes[from] != '"') {
            return DECLINED;
        }
        int first = from + 1;
        int i = ByteWords.plainStringEnd(bytes, first, end);
        if (i < end && bytes[i] == '"') {
            return lineOf(bytes, first, i - first, i + 1);
        }
        // Escapes: the part before the first goes over as it is, then each escape and the plain run after it.
        room(end - first + Long.BYTES); // never longer than its escaped text, plus a word of slack for the copy
        int written = i - first;
        System.arraycopy(bytes, first, unescaped, 0, written);
        while (i < end) {
            if (bytes[i] == '"') {
                return lineOf(unescaped, 0, written, i + 1);
            }
            if (bytes[i] != '\\') { // a control character or a byte above 127
                return DECLINED;
            }
            int character = escapedAt(i + 1);
            if (character < 0) {
                return DECLINED;
            }
            unescaped[written++] = (byte) character;
            int next = i + (bytes[i + 1] == 'u' ? 6 : 2);
            i = ByteWords.copyPlainString(bytes, next, end, unescaped, written);
            written += i - next;
        }
        return DECLINED;
    }

    /**
     * Takes {@code length} ASCII bytes from {@code source} as the line, lent until the next envelope is read;
     * returns {@code next}, or declines.
     */
    private int lineOf(byte[] source, int offset, int length, int next) {
        if (length >= maxLineChars) {
            return DECLINED;
        }
        target.lineBytes = source;
        target.lineStart = offset;
        target.lineLength = length;
        return next;
    }

    /** The ASCII character escaped at {@code at} (just after a backslash), or -1. */
    private int escapedAt(int at) {
        if (at >= end) {
            return -1;
        }
        switch (bytes[at]) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (at + 5 > end) {
                    return -1;
                }
                int code = 0;
                for (int k = at + 1; k < at + 5; k++) {
                    int digit = Character.digit(bytes[k], 16);
                    if (digit < 0) {
                        return -1;
                    }
                    code = code * 16 + digit;
                }
                return code < 0x80 ? code : -1;
            default:
                return -1;
        }
    }

    private void room(int length) {
        if (length > unescaped.length) {
            unescaped = Arrays.copyOf(unescaped, Math.max(length, unescaped.length * 2));
        }
    }

    private boolean literal(int from, String word) {
        if (from + word.length() > end) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (bytes[from + k] != word.charAt(k)) {
                return false;
            }
        }
        return delimiter(from + word.length());
    }

    private boolean delimiter(int at) {
        return at == end || bytes[at] == ',' || bytes[at] == '}' || isSpace(bytes[at]);
    }

    private int skipSpace(int from) {
        int i = from;
        while (i < end && isSpace(bytes[i])) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
