package io.seismo.rules.state;

/**
 * Characters that their holder keeps in an array and lends for reading, so that a key is hashed, compared and
 * copied with loops over one array and bulk copies instead of a virtual {@code charAt} per character: flat out,
 * an eighth of the correlator's samples were such loops over trace ids (JFR, see bench/PERFORMANCE-LOG.md).
 */
public interface CharArrayView extends CharSequence {
    /**
     * The array whose first {@link #length()} characters are these, or null when they are not held in one (the
     * holder keeps a String instead, say). Read only, and only until the holder changes.
     */
    char[] charArray();
}
