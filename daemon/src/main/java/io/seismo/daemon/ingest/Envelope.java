package io.seismo.daemon.ingest;

/** What one envelope line said, as the reader that read it left it: reused from line to line. */
final class Envelope {
    /** The line's offset in its file; -1 until read. */
    long offset = -1;
    String line;
    boolean truncated;

    void clear() {
        offset = -1;
        line = null;
        truncated = false;
    }
}
