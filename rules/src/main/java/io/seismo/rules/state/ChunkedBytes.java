package io.seismo.rules.state;

import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The bytes a {@link StateOutput} writes, in chunks: growing adds a chunk and never copies what is written, and no
 * chunk is large enough to be a humongous object for G1. A snapshot of a million open traces is hundreds of
 * megabytes; grown by doubling one array, it was copied (and a new humongous array zeroed) about eight times on
 * the correlator thread while the lines waited. Chunks are kept across {@link #reset()}, so a reused output fills
 * the same memory again. Offsets are logical: chunk i holds the bytes from {@code starts[i]}, and every chunk but
 * the one being written is full.
 */
final class ChunkedBytes extends OutputStream {
    /** Below half of G1's smallest region (1 MiB), so a chunk is never humongous. */
    static final int MAX_CHUNK_BYTES = 256 * 1024;
    private static final int MAX_CHUNK_SHIFT = Integer.numberOfTrailingZeros(MAX_CHUNK_BYTES);
    /** The most bytes {@link #putVarLong} takes: 64 bits in groups of seven. */
    static final int MAX_VAR_LONG_BYTES = 10;
    /**
     * Big-endian views for one store per number: a snapshot writes several ints and longs for each of a million
     * open traces, and byte by byte they were a third of its capture's time (JFR of OpenTraceBenchmark).
     */
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[][] chunks = new byte[4][];
    private int[] starts = new int[4];
    /** Chunks allocated (kept across resets). */
    private int allocated;
    /** The chunk being written, its index and the position in it. */
    private byte[] current;
    private int currentIndex;
    private int position;
    /**
     * The first chunk of {@link #MAX_CHUNK_BYTES}, or -1 until there is one. Chunks never shrink, so every later
     * one is as large, and the chunk of an offset past its start is found by a shift instead of a binary search
     * (a snapshot's sealing finds one for each of a million entries, in no order: the search was a third of the
     * checkpoint writer's time flat out).
     */
    private int firstFullChunk = -1;

    ChunkedBytes(int firstChunkBytes) {
        current = new byte[Math.max(16, Math.min(firstChunkBytes, MAX_CHUNK_BYTES))];
        chunks[0] = current;
        allocated = 1;
        if (current.length == MAX_CHUNK_BYTES) {
            firstFullChunk = 0;
        }
    }

    int size() {
        return starts[currentIndex] + position;
    }

    void reset() {
        current = chunks[0];
        currentIndex = 0;
        position = 0;
    }

    @Override
    public void write(int value) {
        putByte(value);
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        putBytes(source, offset, length);
    }

    void putByte(int value) {
        if (position == current.length) {
            nextChunk();
        }
        current[position++] = (byte) value;
    }

    /**
     * {@code value} in 7-bit groups, lowest first, the top bit of each byte saying another follows (LEB128): a
     * small count or a time a few seconds after another takes one to five bytes instead of eight.
     */
    void putVarLong(long value) {
        if (current.length - position < MAX_VAR_LONG_BYTES) {
            while ((value & ~0x7FL) != 0) {
                putByte((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            putByte((int) value);
            return;
        }
        while ((value & ~0x7FL) != 0) {
            current[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        current[position++] = (byte) value;
    }

    void putBytes(byte[] source, int offset, int length) {
        while (length > 0) {
            if (position == current.length) {
                nextChunk();
            }
            int run = Math.min(length, current.length - position);
            System.arraycopy(source, offset, current, position, run);
            position += run;
            offset += run;
            length -= run;
        }
    }

    void putInt(int value) {
        if (current.length - position >= Integer.BYTES) {
            INTS.set(current, position, value);
            position += Integer.BYTES;
            return;
        }
        putByte(value >>> 24);
        putByte(value >>> 16);
        putByte(value >>> 8);
        putByte(value);
    }

    void putLong(long value) {
        if (current.length - position >= Long.BYTES) {
            LONGS.set(current, position, value);
            position += Long.BYTES;
            return;
        }
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    /** An ASCII string as writeUTF writes it: a two-byte length, then one byte per char. */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) is exactly the low byte of each char
    void putAscii(CharSequence value) {
        int length = value.length();
        if (current.length - position >= 2 + length) {
            current[position++] = (byte) (length >>> 8);
            current[position++] = (byte) length;
            if (value instanceof String string) {
                string.getBytes(0, length, current, position);
                position += length;
                return;
            }
            for (int i = 0; i < length; i++) {
                current[position++] = (byte) value.charAt(i);
            }
            return;
        }
        putByte(length >>> 8);
        putByte(length);
        for (int i = 0; i < length; i++) {
            putByte(value.charAt(i));
        }
    }

    /** {@link #putAscii(CharSequence)} of the first {@code length} characters of {@code chars}. */
    void putAscii(char[] chars, int length) {
        if (current.length - position < 2 + length) {
            putByte(length >>> 8);
            putByte(length);
            for (int i = 0; i < length; i++) {
                putByte(chars[i]);
            }
            return;
        }
        current[position++] = (byte) (length >>> 8);
        current[position++] = (byte) length;
        for (int i = 0; i < length; i++) {
            current[position + i] = (byte) chars[i];
        }
        position += length;
    }

    /** Appends everything {@code other} holds. */
    void append(ChunkedBytes other) {
        other.copyRange(0, other.size(), this);
    }

    /** Copies {@code length} bytes from logical offset {@code from} into {@code target} at {@code offset}. */
    void copyRange(int from, int length, byte[] target, int offset) {
        if (currentIndex == 0) { // a small output (an evidence sample, say): one chunk
            System.arraycopy(current, from, target, offset, length);
            return;
        }
        int chunk = chunkHolding(from);
        int at = from - starts[chunk];
        while (length > 0) {
            int run = Math.min(length, chunks[chunk].length - at);
            System.arraycopy(chunks[chunk], at, target, offset, run);
            offset += run;
            length -= run;
            chunk++;
            at = 0;
        }
    }

    /** Appends {@code length} bytes from logical offset {@code from} to {@code target}. */
    void copyRange(int from, int length, ChunkedBytes target) {
        int chunk = chunkHolding(from);
        int at = from - starts[chunk];
        while (length > 0) {
            int run = Math.min(length, chunks[chunk].length - at);
            target.putBytes(chunks[chunk], at, run);
            length -= run;
            chunk++;
            at = 0;
        }
    }

    /** Writes {@code value} over the four bytes at logical offset {@code at}, which were written before. */
    void overwriteInt(int at, int value) {
        for (int shift = 24; shift >= 0; shift -= 8, at++) {
            int chunk = chunkHolding(at);
            chunks[chunk][at - starts[chunk]] = (byte) (value >>> shift);
        }
    }

    /** The bytes written, as views of the chunks (no copy), in order. */
    List<ByteBuffer> views() {
        List<ByteBuffer> views = new ArrayList<>(currentIndex + 1);
        for (int i = 0; i < currentIndex; i++) {
            views.add(ByteBuffer.wrap(chunks[i]));
        }
        views.add(ByteBuffer.wrap(current, 0, position).slice());
        return views;
    }

    byte[] toByteArray() {
        byte[] all = new byte[size()];
        copyRange(0, all.length, all, 0);
        return all;
    }

    /** Feeds the bytes from logical offset {@code from} on to {@code crc}. */
    void updateCrc(CRC32 crc, int from) {
        int chunk = chunkHolding(from);
        int at = from - starts[chunk];
        for (; chunk < currentIndex; chunk++, at = 0) {
            crc.update(chunks[chunk], at, chunks[chunk].length - at);
        }
        crc.update(current, at, position - at);
    }

    private int chunkHolding(int offset) {
        if (firstFullChunk >= 0 && firstFullChunk <= currentIndex && offset >= starts[firstFullChunk]) {
            return Math.min(currentIndex, firstFullChunk + ((offset - starts[firstFullChunk]) >>> MAX_CHUNK_SHIFT));
        }
        int found = Arrays.binarySearch(starts, 0, currentIndex + 1, offset);
        return found >= 0 ? found : -found - 2;
    }

    /** Moves on to the next chunk, kept from before a reset or new: as large as all before it, up to the cap. */
    private void nextChunk() {
        int start = starts[currentIndex] + current.length;
        currentIndex++;
        if (currentIndex == allocated) {
            if (allocated == chunks.length) {
                chunks = Arrays.copyOf(chunks, 2 * allocated);
                starts = Arrays.copyOf(starts, 2 * allocated);
            }
            chunks[allocated] = new byte[(int) Math.min(MAX_CHUNK_BYTES, Math.max(current.length, start))];
            allocated++;
        }
        starts[currentIndex] = start;
        current = chunks[currentIndex];
        position = 0;
        if (firstFullChunk < 0 && current.length == MAX_CHUNK_BYTES) {
            firstFullChunk = currentIndex;
        }
    }
}
