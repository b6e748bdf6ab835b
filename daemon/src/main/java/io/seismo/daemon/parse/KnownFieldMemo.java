package io.seismo.daemon.parse;

/**
 * {@link KnownField#lookup} of the names one parser hands out, remembered per name String. A parser's names repeat
 * as the same Strings line after line ({@link RepeatedText}), so a name seen before costs an array read and a
 * reference compare instead of the hash map's lookup, which compares the characters of two different Strings for
 * every known name (flat out that lookup was a fifth of the parse thread). Direct-mapped by the String's cached
 * hash; a name not kept by the parser is looked up every time and only takes its slot over. One per parser.
 */
final class KnownFieldMemo {
    private static final int SLOTS = 256;

    private final String[] names = new String[SLOTS];
    /** The alias of the name in the same slot; null for an ordinary attribute's name. */
    private final KnownField.Alias[] aliases = new KnownField.Alias[SLOTS];

    /** The field {@code name} spells, or null for an ordinary attribute (as {@link KnownField#lookup}). */
    KnownField.Alias lookup(String name) {
        int slot = name.hashCode() & (SLOTS - 1);
        if (names[slot] == name) {
            return aliases[slot];
        }
        KnownField.Alias alias = KnownField.lookup(name);
        names[slot] = name;
        aliases[slot] = alias;
        return alias;
    }
}
