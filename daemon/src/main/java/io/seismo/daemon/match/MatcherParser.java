package io.seismo.daemon.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Alertmanager matcher text with a cursor, so that every error can say where the text went wrong.
 * Positions in messages count characters from 0.
 */
final class MatcherParser {
    private final String text;
    private int pos;

    private MatcherParser(String text) {
        this.text = text;
    }

    /** One matcher and nothing else, e.g. {@code name!~"re"}. */
    static LabelMatcher one(String text) {
        MatcherParser parser = new MatcherParser(text);
        LabelMatcher matcher = parser.matcher();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.error("unexpected '" + parser.peek() + "' after the value");
        }
        return matcher;
    }

    /** A comma-separated list, with or without surrounding braces; a trailing comma is allowed. */
    static List<LabelMatcher> list(String text) {
        MatcherParser parser = new MatcherParser(text);
        parser.skipSpaces();
        boolean braced = parser.accept('{');
        char close = braced ? '}' : '\0';
        List<LabelMatcher> matchers = new ArrayList<>();
        while (true) {
            parser.skipSpaces();
            if (braced ? parser.accept('}') : parser.atEnd()) {
                break;
            }
            if (!braced || !parser.atEnd()) {
                matchers.add(parser.matcher());
            }
            parser.skipSpaces();
            if (parser.accept(',')) {
                continue;
            }
            if (braced && parser.accept(close)) {
                break;
            }
            if (!braced && parser.atEnd()) {
                break;
            }
            throw parser.error(parser.atEnd() ? "missing closing '}'" : "expected ',' but found '" + parser.peek() + "'");
        }
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.error("unexpected '" + parser.peek() + "' after the closing '}'");
        }
        return matchers;
    }

    private LabelMatcher matcher() {
        skipSpaces();
        String name = name();
        skipSpaces();
        MatchType type = operator(name);
        skipSpaces();
        String value = atEnd() || peek() != '"' ? bareValue() : quotedValue();
        try {
            return new LabelMatcher(name, type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("in '" + text + "': " + e.getMessage(), e);
        }
    }

    private String name() {
        int start = pos;
        if (atEnd() || !(Character.isLetter(peek()) && peek() < 128 || peek() == '_')) {
            throw error(atEnd() ? "expected a label name" : "expected a label name but found '" + peek() + "'");
        }
        while (!atEnd() && (peek() < 128 && Character.isLetterOrDigit(peek()) || peek() == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private MatchType operator(String name) {
        if (accept('=')) {
            return accept('~') ? MatchType.REGEX : MatchType.EQUAL;
        }
        if (accept('!')) {
            if (accept('=')) {
                return MatchType.NOT_EQUAL;
            }
            if (accept('~')) {
                return MatchType.NOT_REGEX;
            }
        }
        throw error("expected an operator (=, !=, =~, !~) after label '" + name + "'");
    }

    private String quotedValue() {
        int open = pos++;
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (atEnd()) {
                    break;
                }
                char escaped = text.charAt(pos++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case '"', '\\' -> value.append(escaped);
                    // Regexes keep their own escapes (\d, \.): a backslash we do not know stays as written.
                    default -> value.append('\\').append(escaped);
                }
            } else {
                value.append(c);
            }
        }
        pos = open;
        throw error("unterminated quoted value");
    }

    /** Alertmanager also accepts an unquoted value: it runs to the next ',' or '}'. */
    private String bareValue() {
        int start = pos;
        while (!atEnd() && peek() != ',' && peek() != '}' && peek() != '"') {
            pos++;
        }
        if (!atEnd() && peek() == '"') {
            throw error("unexpected '\"' inside an unquoted value");
        }
        return text.substring(start, pos).strip();
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean accept(char c) {
        if (!atEnd() && peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("bad matcher '" + text + "' at position " + pos + ": " + problem);
    }
}
