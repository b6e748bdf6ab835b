package io.seismo.bench.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * A log file the generator appends to, with the bytes not yet written: lines are put together here as ASCII bytes,
 * piece by piece, and reach the file in writes of up to {@link #CAPACITY}. A line may straddle two writes, as with
 * any buffered writer; the agent waits for a line's newline. Building lines as Strings and encoding them took the
 * generator's thread a fifth of a core flat out, CPU the daemon it measures did not get.
 */
final class LogFileBuffer implements AutoCloseable {
    static final int CAPACITY = 1 << 16;
    private static final HexFormat HEX = HexFormat.of();
    private static final int HEX_DIGITS = 16;
    /** Digits of the largest long. */
    private static final int MAX_DECIMAL = 19;

    private final OutputStream file;
    private final byte[] pending = new byte[CAPACITY];
    private int length;
    private long written;

    LogFileBuffer(Path path) throws IOException {
        this.file = Files.newOutputStream(path);
    }

    /** Bytes put so far, written or pending. */
    long bytesPut() {
        return written + length;
    }

    void put(byte[] ascii) throws IOException {
        if (ascii.length > CAPACITY - length) {
            flush();
            if (ascii.length > CAPACITY) {
                file.write(ascii);
                written += ascii.length;
                return;
            }
        }
        System.arraycopy(ascii, 0, pending, length, ascii.length);
        length += ascii.length;
    }

    /** {@code value} as 16 lower-case hex digits, leading zeros included. */
    void putHex(long value) throws IOException {
        room(HEX_DIGITS);
        for (int i = 0; i < HEX_DIGITS; i++) {
            pending[length + i] = (byte) HEX.toLowHexDigit((int) (value >>> (HEX_DIGITS - 1 - i) * 4));
        }
        length += HEX_DIGITS;
    }

    /** {@code value}, at least 0, in decimal. */
    void putDecimal(long value) throws IOException {
        if (value < 0) {
            throw new IllegalArgumentException("only counts are written in decimal here: " + value);
        }
        room(MAX_DECIMAL);
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = length + digits - 1; i >= length; i--) {
            pending[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }

    /** Writes what is pending to the file. */
    void flush() throws IOException {
        if (length > 0) {
            file.write(pending, 0, length);
            written += length;
            length = 0;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            file.close();
        }
    }

    private void room(int bytes) throws IOException {
        if (CAPACITY - length < bytes) {
            flush();
        }
    }
}
