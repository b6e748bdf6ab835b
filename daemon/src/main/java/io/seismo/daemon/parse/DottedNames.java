package io.seismo.daemon.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The names of a JSON line's members with nested objects flattened to dots ({@code {"service":{"name":"x"}}} is
 * {@code service.name}), as the same String for the same name on every line.
 */
final class DottedNames {
    private final FieldCollector fields;
    private final ReusedChars dotted = new ReusedChars();
    /** Dotted name of each open nested object; index 0 is the first level below the root. */
    private String[] prefixes = new String[8];

    DottedNames(FieldCollector fields) {
        this.fields = fields;
    }

    /** The name of member {@code name} of the object open at {@code depth} (0: the root). */
    String of(int depth, String name) {
        if (depth == 0) {
            return name;
        }
        char[] into = withPrefix(depth, name.length());
        name.getChars(0, name.length(), into, prefixes[depth - 1].length() + 1);
        return fields.text(into, 0, prefixes[depth - 1].length() + 1 + name.length());
    }

    /** The same for a name that is the characters {@code start} to {@code end} of {@code chars}. */
    String of(int depth, char[] chars, int start, int end) {
        if (depth == 0) {
            return fields.text(chars, start, end);
        }
        char[] into = withPrefix(depth, end - start);
        System.arraycopy(chars, start, into, prefixes[depth - 1].length() + 1, end - start);
        return fields.text(into, 0, prefixes[depth - 1].length() + 1 + end - start);
    }

    /**
     * The same for a name that is the UTF-8 bytes {@code start} to {@code end} of {@code bytes}, {@code ascii}
     * when every one is below 128.
     */
    String of(int depth, byte[] bytes, int start, int end, boolean ascii) {
        if (!ascii) {
            String decoded = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            return of(depth, decoded.toCharArray(), 0, decoded.length());
        }
        if (depth == 0) {
            return fields.text(bytes, start, end);
        }
        int at = prefixes[depth - 1].length() + 1;
        char[] into = withPrefix(depth, end - start);
        for (int i = start; i < end; i++) {
            into[at + i - start] = (char) bytes[i];
        }
        return fields.text(into, 0, at + end - start);
    }

    /** The object named {@code dottedName} opens at {@code depth}: its members are named below it. */
    void open(int depth, String dottedName) {
        if (depth == prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, depth * 2);
        }
        prefixes[depth] = dottedName;
    }

    /** A buffer holding the enclosing object's name and a dot, with room for {@code nameLength} more. */
    private char[] withPrefix(int depth, int nameLength) {
        String prefix = prefixes[depth - 1];
        char[] into = dotted.room(prefix.length() + 1 + nameLength);
        prefix.getChars(0, prefix.length(), into, 0);
        into[prefix.length()] = '.';
        return into;
    }
}
