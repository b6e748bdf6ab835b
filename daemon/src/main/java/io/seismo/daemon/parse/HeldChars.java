package io.seismo.daemon.parse;

/** A copy of some characters a parser offered, in an array reused from line to line: an id on its way to the event. */
final class HeldChars {
    private final ReusedChars array = new ReusedChars();
    private int length;

    void hold(char[] text, int start, int end) {
        length = end - start;
        System.arraycopy(text, start, array.room(length), 0, length);
    }

    char[] chars() {
        return array.room(length);
    }

    int length() {
        return length;
    }
}
