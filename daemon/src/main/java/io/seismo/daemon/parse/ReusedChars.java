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
    char[] copyOf(CharSequence text) {
        char[] into = room(text.length());
        if (text instanceof LineText line) {
            line.getChars(into);
        } else if (text instanceof String string) {
            string.getChars(0, string.length(), into, 0);
        } else {
            for (int i = 0; i < text.length(); i++) {
                into[i] = text.charAt(i);
            }
        }
        return into;
    }
}
