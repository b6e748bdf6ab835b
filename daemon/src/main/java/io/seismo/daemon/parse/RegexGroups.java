package io.seismo.daemon.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The capturing groups of a regex, in group-number order, with their names. Java 17's {@link java.util.regex.Pattern}
 * does not list its named groups (that arrived in Java 20), so the pattern text is scanned; the caller checks the
 * count against {@link java.util.regex.Matcher#groupCount()} to catch anything this scan misreads.
 */
final class RegexGroups {

    private RegexGroups() {
    }

    /** One entry per capturing group: its name, or null for an unnamed group. */
    static List<String> names(String regex) {
        List<String> names = new ArrayList<>();
        int classDepth = 0;
        int n = regex.length();
        int i = 0;
        while (i < n) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i = skipEscape(regex, i);
            } else if (classDepth > 0) {
                classDepth += c == '[' ? 1 : c == ']' ? -1 : 0;
                i++;
            } else if (c == '[') {
                classDepth = 1;
                i++;
            } else if (c == '(') {
                i = readGroup(regex, i, names);
            } else {
                i++;
            }
        }
        return names;
    }

    private static int skipEscape(String regex, int at) {
        if (regex.startsWith("\\Q", at)) {
            int end = regex.indexOf("\\E", at + 2);
            return end < 0 ? regex.length() : end + 2;
        }
        return at + 2;
    }

    /** Records the group opened at {@code at} if it captures; returns where scanning continues. */
    private static int readGroup(String regex, int at, List<String> names) {
        if (!regex.startsWith("(?", at)) {
            names.add(null);
            return at + 1;
        }
        int nameStart = at + 3;
        if (!regex.startsWith("(?<", at) || nameStart >= regex.length() || !isAsciiLetter(regex.charAt(nameStart))) {
            return at + 2; // (?: (?= (?! (?<= (?<! (?> and flags do not capture
        }
        int end = nameStart;
        while (end < regex.length() && (isAsciiLetter(regex.charAt(end)) || Character.isDigit(regex.charAt(end)))) {
            end++;
        }
        names.add(regex.substring(nameStart, end));
        return end;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
