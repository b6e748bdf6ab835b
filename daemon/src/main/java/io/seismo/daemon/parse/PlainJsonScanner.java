package io.seismo.daemon.parse;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The fast path of {@link JsonLineParser}: reads the common shape of a JSON log line (one object; values that are
 * strings without escapes, numbers, true, false, null or nested objects) straight from the line's characters into
 * the {@link FieldCollector}, with no parser object, token or String per value. Whatever it is not sure of (an
 * escape, an array, a control character, anything invalid) it declines, and Jackson reads the line instead: so
 * every line it accepts yields exactly the fields Jackson's reading gives, and every error message is Jackson's.
 */
final class PlainJsonScanner {
    /** Deeper nesting is left to Jackson, which also enforces its own limit. */
    private static final int MAX_DEPTH = 64;
    private static final int DECLINED = -1;

    private final FieldCollector fields;
    private final DottedNames names;
    /** Names, strings and numbers as long as Jackson's limits or longer are Jackson's to refuse. */
    private final int maxNameChars;
    private final int maxStringChars;
    private final int maxNumberChars;
    private char[] chars;
    private int end;

    PlainJsonScanner(FieldCollector fields, DottedNames names, StreamReadConstraints jacksonLimits) {
        this.fields = fields;
        this.names = names;
        this.maxNameChars = jacksonLimits.getMaxNameLength();
        this.maxStringChars = jacksonLimits.getMaxStringLength();
        this.maxNumberChars = jacksonLimits.getMaxNumberLength();
    }

    /** Offers every field of {@code line} and returns true, or returns false (fields half offered) to decline. */
    boolean scan(CharSequence line) {
        chars = fields.charsOf(line);
        end = line.length();
        int i = skipSpace(0);
        if (i == end || chars[i] != '{') {
            return false;
        }
        i = readObject(i + 1);
        return i != DECLINED && skipSpace(i) == end;
    }

    /** Reads the members after a root '{' up to its '}'; returns the index after it, or {@link #DECLINED}. */
    private int readObject(int from) {
        int depth = 0;
        int i = skipSpace(from);
        if (i < end && chars[i] == '}') {
            return i + 1;
        }
        while (i < end) {
            if (chars[i] != '"') {
                return DECLINED;
            }
            int nameEnd = stringEnd(i + 1);
            if (nameEnd == DECLINED || nameEnd - (i + 1) >= maxNameChars) {
                return DECLINED;
            }
            String name = names.of(depth, chars, i + 1, nameEnd);
            i = skipSpace(nameEnd + 1);
            if (i == end || chars[i] != ':') {
                return DECLINED;
            }
            i = skipSpace(i + 1);
            if (i == end) {
                return DECLINED;
            }
            char first = chars[i];
            if (first == '{') {
                if (depth == MAX_DEPTH) {
                    return DECLINED;
                }
                names.open(depth++, name);
                i = skipSpace(i + 1);
                if (i == end || chars[i] != '}') {
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
                if (chars[i] == ',') {
                    i = skipSpace(i + 1);
                    break;
                }
                if (chars[i] != '}') {
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
        char first = chars[from];
        if (first == '"') {
            int close = stringEnd(from + 1);
            if (close != DECLINED && close - (from + 1) < maxStringChars) {
                fields.offer(name, chars, from + 1, close);
                return close + 1;
            }
            return DECLINED;
        }
        if (first == '-' || first >= '0' && first <= '9') {
            int numberEnd = numberEnd(from);
            if (numberEnd != DECLINED) {
                fields.offer(name, chars, from, numberEnd);
            }
            return numberEnd;
        }
        if (startsWith(from, "true") || startsWith(from, "false")) {
            int wordEnd = from + (first == 't' ? 4 : 5);
            fields.offer(name, chars, from, wordEnd);
            return wordEnd;
        }
        return startsWith(from, "null") ? from + 4 : DECLINED;
    }

    /** The index of the quote closing a string that starts at {@code from}; declines escapes and control chars. */
    private int stringEnd(int from) {
        for (int i = from; i < end; i++) {
            char c = chars[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\' || c < ' ') {
                return DECLINED;
            }
        }
        return DECLINED;
    }

    /** JSON's number grammar exactly: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?, then a delimiter. */
    private int numberEnd(int from) {
        int i = from;
        if (chars[i] == '-') {
            i++;
        }
        if (i == end || !isDigit(chars[i])) {
            return DECLINED;
        }
        if (chars[i] == '0') {
            i++;
        } else {
            i = digitsEnd(i);
        }
        if (i < end && chars[i] == '.') {
            int fractionEnd = digitsEnd(i + 1);
            if (fractionEnd == i + 1) {
                return DECLINED;
            }
            i = fractionEnd;
        }
        if (i < end && (chars[i] == 'e' || chars[i] == 'E')) {
            i++;
            if (i < end && (chars[i] == '+' || chars[i] == '-')) {
                i++;
            }
            int exponentEnd = digitsEnd(i);
            if (exponentEnd == i) {
                return DECLINED;
            }
            i = exponentEnd;
        }
        boolean delimited = i == end || chars[i] == ',' || chars[i] == '}' || isSpace(chars[i]);
        return delimited && i - from < maxNumberChars ? i : DECLINED;
    }

    private int digitsEnd(int from) {
        int i = from;
        while (i < end && isDigit(chars[i])) {
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
            if (chars[from + k] != word.charAt(k)) {
                return false;
            }
        }
        return after == end || chars[after] == ',' || chars[after] == '}' || isSpace(chars[after]);
    }

    private int skipSpace(int from) {
        int i = from;
        while (i < end && isSpace(chars[i])) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
