package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;

/**
 * logfmt lines: {@code key=value key2="quoted \"value\"" flag}. A bare key reads as {@code true}; quoted values take
 * the escapes {@code \" \\ \n \r \t \/} and {@code \}{@code uXXXX} (any other backslash is kept as written). A line
 * without a single {@code key=value} pair is not logfmt and fails.
 */
final class LogfmtLineParser implements LineParser {
    private static final int UNTERMINATED = -1;

    private final FieldCollector fields;
    /** A quoted value, unescaped: never longer than the rest of the line it came from. */
    private final ReusedChars quotedChars = new ReusedChars();
    private char[] quoted;
    private int quotedLength;

    LogfmtLineParser(FieldCollector fields) {
        this.fields = fields;
    }

    @Override
    public boolean parse(CharSequence line, Event out) {
        fields.clear();
        int length = line.length();
        int pairs = 0;
        char[] chars = fields.charsOf(line);
        int i = skipSpaces(line, 0);
        while (i < length) {
            int keyStart = i;
            while (i < length && !isSpace(line.charAt(i)) && line.charAt(i) != '=' && line.charAt(i) != '"') {
                i++;
            }
            if (i == keyStart) {
                return ParseFailure.record(out, line, "logfmt key expected at column " + (i + 1));
            }
            String key = fields.text(chars, keyStart, i);
            if (i == length || isSpace(line.charAt(i))) {
                fields.offer(key, "true");
            } else if (line.charAt(i) == '"') {
                return ParseFailure.record(out, line, "quote inside logfmt key at column " + (i + 1));
            } else if (++i < length && line.charAt(i) == '"') {
                int end = readQuoted(line, i + 1);
                if (end == UNTERMINATED) {
                    return ParseFailure.record(out, line, "unterminated quote at column " + (i + 1));
                }
                if (end < length && !isSpace(line.charAt(end))) {
                    return ParseFailure.record(out, line, "text right after a closing quote at column " + (end + 1));
                }
                fields.offer(key, quoted, 0, quotedLength);
                pairs++;
                i = end;
            } else {
                int valueStart = i;
                while (i < length && !isSpace(line.charAt(i))) {
                    i++;
                }
                fields.offer(key, chars, valueStart, i);
                pairs++;
            }
            i = skipSpaces(line, i);
        }
        if (pairs == 0) {
            return ParseFailure.record(out, line, "no logfmt key=value pair");
        }
        return fields.commitTo(out, line);
    }

    /** Unescapes into {@link #quoted}; returns the index after the closing quote, or {@link #UNTERMINATED}. */
    private int readQuoted(CharSequence line, int from) {
        int length = line.length();
        quoted = quotedChars.room(length - from);
        quotedLength = 0;
        int i = from;
        while (i < length) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c != '\\') {
                quoted[quotedLength++] = c;
                i++;
                continue;
            }
            if (i + 1 == length) {
                return UNTERMINATED;
            }
            i = appendEscape(line, i + 1);
        }
        return UNTERMINATED;
    }

    /**
     * Appends the character escaped at {@code at} (just after the backslash); returns the index after it. Each
     * escape writes no more characters than it reads, so {@link #quoted} has room.
     */
    private int appendEscape(CharSequence line, int at) {
        char c = line.charAt(at);
        switch (c) {
            case '"': case '\\': case '/': return put(c, at + 1);
            case 'n': return put('\n', at + 1);
            case 'r': return put('\r', at + 1);
            case 't': return put('\t', at + 1);
            case 'u':
                int code = hex4(line, at + 1);
                if (code >= 0) {
                    return put((char) code, at + 5);
                }
                quoted[quotedLength++] = '\\';
                return put(c, at + 1);
            default:
                quoted[quotedLength++] = '\\';
                return put(c, at + 1);
        }
    }

    private int put(char c, int next) {
        quoted[quotedLength++] = c;
        return next;
    }

    private static int hex4(CharSequence line, int from) {
        if (from + 4 > line.length()) {
            return -1;
        }
        int code = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(line.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            code = code * 16 + digit;
        }
        return code;
    }

    private static int skipSpaces(CharSequence line, int from) {
        int i = from;
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
