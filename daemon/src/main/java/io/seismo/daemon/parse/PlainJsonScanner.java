package io.seismo.daemon.parse;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.seismo.daemon.bytes.ByteWords;

/**
 * The fast path of {@link JsonLineParser}: reads the common shape of a JSON log line (one object; values that are
 * strings without escapes, numbers, true, false, null or nested objects) straight from the line's UTF-8 bytes (as
 * its ring slot holds them) into the {@link FieldCollector}, with no parser object, token or String per value and
 * no copy of the line: only the values the collector has not seen before become characters. Whatever it is not
 * sure of (an escape, an array, a control character, anything invalid) it declines, and Jackson reads the line
 * instead: so every line it accepts yields exactly the fields Jackson's reading gives, and every error message is
 * Jackson's.
 */
final class PlainJsonScanner {
    /** Deeper nesting is left to Jackson, which also enforces its own limit. */
    private static final int MAX_DEPTH = 64;
    private static final int DECLINED = -1;

    private final FieldCollector fields;
    private final DottedNames names;
    /**
     * Names, strings and numbers as long as Jackson's limits or longer are Jackson's to refuse (in bytes, which
     * are never fewer than the characters they encode).
     */
    private final int maxNameChars;
    private final int maxStringChars;
    private final int maxNumberChars;
    private final Utf8Line utf8 = new Utf8Line();
    private byte[] bytes;
    private int end;
    /** Whether the string {@link #stringEnd} found last is ASCII only. */
    private boolean stringAscii;

    PlainJsonScanner(FieldCollector fields, DottedNames names, StreamReadConstraints jacksonLimits) {
        this.fields = fields;
        this.names = names;
        this.maxNameChars = jacksonLimits.getMaxNameLength();
        this.maxStringChars = jacksonLimits.getMaxStringLength();
        this.maxNumberChars = jacksonLimits.getMaxNumberLength();
    }

    /** Offers every field of {@code line} and returns true, or returns false (fields half offered) to decline. */
    boolean scan(CharSequence line) {
        if (!utf8.read(line)) {
            return false;
        }
        bytes = utf8.bytes();
        end = utf8.length();
        int i = skipSpace(0);
        if (i == end || bytes[i] != '{') {
            return false;
        }
        i = readObject(i + 1);
        return i != DECLINED && skipSpace(i) == end;
    }

    /** Reads the members after a root '{' up to its '}'; returns the index after it, or {@link #DECLINED}. */
    private int readObject(int from) {
        int depth = 0;
        int i = skipSpace(from);
        if (i < end && bytes[i] == '}') {
            return i + 1;
        }
        while (i < end) {
            if (bytes[i] != '"') {
                return DECLINED;
            }
            int nameEnd = stringEnd(i + 1);
            if (nameEnd == DECLINED || nameEnd - (i + 1) >= maxNameChars) {
                return DECLINED;
            }
            String name = names.of(depth, bytes, i + 1, nameEnd, stringAscii);
            i = skipSpace(nameEnd + 1);
            if (i == end || bytes[i] != ':') {
                return DECLINED;
            }
            i = skipSpace(i + 1);
            if (i == end) {
                return DECLINED;
            }
            byte first = bytes[i];
            if (first == '{') {
                if (depth == MAX_DEPTH) {
                    return DECLINED;
                }
                names.open(depth++, name);
                i = skipSpace(i + 1);
                if (i == end || bytes[i] != '}') {
                    continue; // its first member is next
                }
                depth--; // an empty object ends like any value
                i++;
            } else {
                int valueEnd = readValue(name, i);
                if (valueEnd == DECLINED) {
                    return DECLINED;
                }
                i = valueEnd;
            }
            // After a member, and after each object it closes: ',' goes on, '}' closes one more.
            while (true) {
                i = skipSpace(i);
                if (i == end) {
                    return DECLINED;
                }
                if (bytes[i] == ',') {
                    i = skipSpace(i + 1);
                    break;
                }
                if (bytes[i] != '}') {
                    return DECLINED;
                }
                i++;
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return DECLINED;
    }

    /** Offers the scalar value at {@code from}; returns the index after it, or {@link #DECLINED}. */
    private int readValue(String name, int from) {
        byte first = bytes[from];
        if (first == '"') {
            int close = stringEnd(from + 1);
            if (close != DECLINED && close - (from + 1) < maxStringChars) {
                fields.offer(name, bytes, from + 1, close, stringAscii);
                return close + 1;
            }
            return DECLINED;
        }
        if (first == '-' || first >= '0' && first <= '9') {
            int numberEnd = numberEnd(from);
            if (numberEnd != DECLINED) {
                fields.offer(name, bytes, from, numberEnd, true);
            }
            return numberEnd;
        }
        if (startsWith(from, "true") || startsWith(from, "false")) {
            int wordEnd = from + (first == 't' ? 4 : 5);
            fields.offer(name, bytes, from, wordEnd, true);
            return wordEnd;
        }
        return startsWith(from, "null") ? from + 4 : DECLINED;
    }

    /**
     * The index of the quote closing a string that starts at {@code from}, eight bytes at a time while they are
     * plain ASCII; declines escapes and control characters. Sets {@link #stringAscii}.
     */
    private int stringEnd(int from) {
        stringAscii = true;
        for (int i = ByteWords.plainStringEnd(bytes, from, end); i < end; i++) {
            byte b = bytes[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\' || b >= 0 && b < ' ') {
                return DECLINED;
            }
            stringAscii &= b >= 0; // a byte above 127 is negative
        }
        return DECLINED;
    }

    /** JSON's number grammar exactly: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?, then a delimiter. */
    private int numberEnd(int from) {
        int i = from;
        if (bytes[i] == '-') {
            i++;
        }
        if (i == end || !isDigit(bytes[i])) {
            return DECLINED;
        }
        if (bytes[i] == '0') {
            i++;
        } else {
            i = digitsEnd(i);
        }
        if (i < end && bytes[i] == '.') {
            int fractionEnd = digitsEnd(i + 1);
            if (fractionEnd == i + 1) {
                return DECLINED;
            }
            i = fractionEnd;
        }
        if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            if (i < end && (bytes[i] == '+' || bytes[i] == '-')) {
                i++;
            }
            int exponentEnd = digitsEnd(i);
            if (exponentEnd == i) {
                return DECLINED;
            }
            i = exponentEnd;
        }
        boolean delimited = i == end || bytes[i] == ',' || bytes[i] == '}' || isSpace(bytes[i]);
        return delimited && i - from < maxNumberChars ? i : DECLINED;
    }

    private int digitsEnd(int from) {
        int i = from;
        while (i < end && isDigit(bytes[i])) {
            i++;
        }
        return i;
    }

    /** A literal, followed by a delimiter (Jackson reads {@code truex} as an error, not as {@code true}). */
    private boolean startsWith(int from, String word) {
        int after = from + word.length();
        if (after > end) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (bytes[from + k] != word.charAt(k)) {
                return false;
            }
        }
        return after == end || bytes[after] == ',' || bytes[after] == '}' || isSpace(bytes[after]);
    }

    private int skipSpace(int from) {
        int i = from;
        while (i < end && isSpace(bytes[i])) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
