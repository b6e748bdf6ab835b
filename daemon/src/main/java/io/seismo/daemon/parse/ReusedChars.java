package io.seismo.daemon.parse;

/** A char array reused from line to line, grown when a text does not fit: copies without a new array per line. */
final class ReusedChars {
    private char[] chars = new char[256];

    /** The array, holding at least {@code length} characters; what it held before may be gone. */
    char[] room(int length) {
        if (length > chars.length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        return chars;
    }

    /** The array, holding the characters of {@code text} from index 0. */
    char[] copyOf(String text) {
        char[] into = room(text.length());
        text.getChars(0, text.length(), into, 0);
        return into;
    }
}
