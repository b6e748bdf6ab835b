package io.seismo.daemon.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Append-only journal of raw ingested lines in numbered segment files. Each record is
 * {@code [int length][int crc32c][payload]} so a torn tail is detectable. Records are staged in one reused
 * buffer and written on {@link #commit()}, which the journal handler calls once per ring batch (group commit).
 *
 * <p>Not thread-safe: only the journal handler thread uses it.
 */
public final class SegmentedJournal implements AutoCloseable {
    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".seg";

    private final Path dir;
    private final long segmentBytes;
    private final int maxSegments;
    private final boolean fsync;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer staging = ByteBuffer.allocateDirect(1 << 20);
    private FileChannel channel;
    private long segmentIndex;
    private long segmentSize;
    private long recordsWritten;

    public SegmentedJournal(Path dir, long segmentBytes, int maxSegments, boolean fsync) throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.maxSegments = maxSegments;
        this.fsync = fsync;
        Files.createDirectories(dir);
        List<Path> existing = segments();
        segmentIndex = existing.isEmpty() ? 0 : indexOf(existing.get(existing.size() - 1)) + 1;
        openSegment();
    }

    /** Stages one line record; nothing reaches the disk before {@link #commit()}. */
    public void append(String source, long offset, String service, String line) throws IOException {
        byte[] src = bytes(source);
        byte[] svc = bytes(service);
        byte[] text = bytes(line);
        int payload = 8 + 4 + src.length + 4 + svc.length + 4 + text.length;
        int record = 8 + payload;
        if (staging.remaining() < record) {
            flushStaging();
            if (staging.capacity() < record) {
                staging = ByteBuffer.allocateDirect(Integer.highestOneBit(record) << 1);
            }
        }
        int start = staging.position();
        staging.putInt(payload).putInt(0);
        staging.putLong(offset);
        putBytes(src);
        putBytes(svc);
        putBytes(text);
        ByteBuffer view = staging.duplicate();
        view.position(start + 8).limit(start + record);
        crc.reset();
        crc.update(view);
        staging.putInt(start + 4, (int) crc.getValue());
        recordsWritten++;
    }

    /** Writes what is staged and, with fsync on, forces it to the device. Returns the bytes written. */
    public long commit() throws IOException {
        long written = flushStaging();
        if (fsync && written > 0) {
            channel.force(false);
        }
        if (segmentSize >= segmentBytes) {
            roll();
        }
        return written;
    }

    public long recordsWritten() {
        return recordsWritten;
    }

    @Override
    public void close() throws IOException {
        commit();
        channel.close();
    }

    private long flushStaging() throws IOException {
        staging.flip();
        long written = 0;
        while (staging.hasRemaining()) {
            written += channel.write(staging);
        }
        staging.clear();
        segmentSize += written;
        return written;
    }

    private void roll() throws IOException {
        channel.close();
        segmentIndex++;
        openSegment();
        // Until checkpoints cover segments (replay), keep a bounded window of them so the disk cannot fill.
        List<Path> all = segments();
        for (int i = 0; i < all.size() - maxSegments; i++) {
            Files.deleteIfExists(all.get(i));
        }
    }

    private void openSegment() throws IOException {
        Path file = dir.resolve(String.format("%s%020d%s", PREFIX, segmentIndex, SUFFIX));
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        segmentSize = channel.size();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> out = new ArrayList<>(files
                    .filter(p -> p.getFileName().toString().startsWith(PREFIX) && p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList());
            return out;
        }
    }

    private static long indexOf(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }

    private void putBytes(byte[] b) {
        staging.putInt(b.length).put(b);
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }
}
