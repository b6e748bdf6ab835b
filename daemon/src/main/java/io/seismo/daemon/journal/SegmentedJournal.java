package io.seismo.daemon.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Append-only journal of raw ingested lines in numbered segment files. Each record is
 * {@code [int length][int crc32c][payload]} (payload: {@link RecordFormat}) so a torn tail is detectable. A
 * batch's origin is a record of its own, staged before its first line and again at the start of every commit.
 * Records are staged in one reused buffer and written on {@link #commit()}, which the journal handler calls
 * once per ring batch (group commit). Opening a journal whose newest segment ends in a torn or corrupt record
 * (a crash mid-write) cuts it back to the last good record before anything is appended.
 *
 * <p>Old segments are deleted by the checkpoint writer through {@link JournalFiles#deleteBefore}, once a durable
 * checkpoint no longer needs them. Not thread-safe: only the journal handler thread uses an instance.
 */
public final class SegmentedJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentedJournal.class);
    private static final int RECORD_HEADER_BYTES = 8;

    private final JournalFiles files;
    private final JournalOptions options;
    private final long fsyncIntervalNanos;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer staging = ByteBuffer.allocateDirect(1 << 20);
    private FileChannel channel;
    private long segmentNumber;
    private long segmentSize;
    private long recordsWritten;
    private long syncs;
    private boolean unsynced;
    /** Bytes written since the last commit returned: staging also goes out when it fills between commits. */
    private long writtenSinceCommit;
    private long lastSyncNanos = System.nanoTime();
    private Origin lastOrigin;
    private byte[] lastOriginBytes;
    /**
     * Whether the commit being staged has its origin record yet. Every commit starts with one, so a replay from a
     * commit (a checkpoint's position) or a segment's start knows each line's origin.
     */
    private boolean originStaged;

    /**
     * @param onTailTruncated called once when the newest segment had a torn or corrupt tail that was cut off
     */
    public SegmentedJournal(Path dir, JournalOptions options, Runnable onTailTruncated) throws IOException {
        this.files = new JournalFiles(dir);
        this.options = options;
        this.fsyncIntervalNanos = options.fsyncInterval().toNanos();
        Files.createDirectories(dir);
        List<Path> existing = files.segments();
        if (existing.isEmpty()) {
            segmentNumber = 0;
        } else {
            Path newest = existing.get(existing.size() - 1);
            segmentNumber = JournalFiles.numberOf(newest);
            cutDamagedTail(newest, onTailTruncated);
        }
        openSegment();
    }

    public JournalFiles files() {
        return files;
    }

    /**
     * Stages one line record given as a String, encoded here (the pipeline hands over bytes, see the overload; this
     * is for callers that hold text).
     */
    public void append(Origin origin, long offset, boolean truncated, String line) throws IOException {
        byte[] utf8 = (line == null ? "" : line).getBytes(StandardCharsets.UTF_8);
        append(origin, offset, truncated, utf8, utf8.length);
    }

    /**
     * Stages one line record whose UTF-8 bytes are the first {@code lineLength} of {@code line}; nothing reaches the
     * disk before {@link #commit()}.
     */
    public void append(Origin origin, long offset, boolean truncated, byte[] line, int lineLength) throws IOException {
        if (origin != lastOrigin) {
            // Batches share one origin: encode it once per batch, not once per line.
            lastOriginBytes = RecordFormat.encodeOrigin(origin);
            lastOrigin = origin;
            originStaged = false;
        }
        if (!originStaged) {
            int start = beginRecord(RecordFormat.originPayloadSize(lastOriginBytes));
            RecordFormat.putOrigin(staging, lastOriginBytes);
            endRecord(start);
            originStaged = true;
        }
        int start = beginRecord(RecordFormat.linePayloadSize(lineLength));
        RecordFormat.putLine(staging, offset, truncated, line, lineLength);
        endRecord(start);
        recordsWritten++;
    }

    /** Makes room for a record of {@code payload} bytes, puts its length, and says where it starts. */
    private int beginRecord(int payload) throws IOException {
        int record = RECORD_HEADER_BYTES + payload;
        if (staging.remaining() < record) {
            flushStaging();
            if (staging.capacity() < record) {
                staging = ByteBuffer.allocateDirect(Integer.highestOneBit(record) << 1);
            }
        }
        int start = staging.position();
        staging.putInt(payload).putInt(0);
        return start;
    }

    /** Puts the CRC of the record at {@code start}, whose payload was put since {@link #beginRecord}. */
    private void endRecord(int start) {
        int end = staging.position();
        // The CRC reads the payload where it was staged: staging's own bounds, set round it and put back.
        staging.limit(end).position(start + RECORD_HEADER_BYTES);
        crc.reset();
        crc.update(staging);
        staging.limit(staging.capacity());
        staging.putInt(start + 4, (int) crc.getValue());
    }

    /**
     * Writes what is staged and forces it to the device as the fsync policy says (every commit, or once the
     * interval has passed since the last force). Returns the bytes written since the last commit, including those
     * that went out when staging filled before it.
     */
    public long commit() throws IOException {
        flushStaging();
        long written = writtenSinceCommit;
        writtenSinceCommit = 0;
        originStaged = false;
        if (unsynced && (options.fsync() == FsyncPolicy.BATCH || System.nanoTime() - lastSyncNanos >= fsyncIntervalNanos)) {
            force();
        }
        if (segmentSize >= options.segmentBytes()) {
            roll();
        }
        return written;
    }

    /** Commits and forces everything to the device whatever the policy: a checkpoint's position must be durable. */
    public long sync() throws IOException {
        long written = commit();
        if (unsynced) {
            force();
        }
        return written;
    }

    /** Just past the last committed record: where a replay after a checkpoint taken now starts. */
    public JournalPosition position() {
        return new JournalPosition(segmentNumber, segmentSize);
    }

    public long recordsWritten() {
        return recordsWritten;
    }

    /** How many times the journal forced its writes to the device. */
    public long syncs() {
        return syncs;
    }

    @Override
    public void close() throws IOException {
        try {
            sync();
        } finally {
            channel.close();
        }
    }

    private void cutDamagedTail(Path newest, Runnable onTailTruncated) throws IOException {
        JournalReader.SegmentEnd end = JournalReader.read(newest, 0, null);
        if (!end.damagedTail()) {
            return;
        }
        long size = Files.size(newest);
        try (FileChannel ch = FileChannel.open(newest, StandardOpenOption.WRITE)) {
            ch.truncate(end.goodBytes());
            ch.force(true);
        }
        onTailTruncated.run();
        LOG.warn("journal segment {} had a torn or corrupt tail: cut from {} to {} bytes ({} good lines kept)",
                newest, size, end.goodBytes(), end.goodLines());
    }

    private void flushStaging() throws IOException {
        staging.flip();
        long written = 0;
        try {
            while (staging.hasRemaining()) {
                written += channel.write(staging);
            }
        } catch (IOException e) {
            // A half-written record would hide every later record of this segment from a replay: cut it off.
            staging.clear();
            originStaged = false;
            channel.truncate(segmentSize);
            throw e;
        }
        staging.clear();
        segmentSize += written;
        writtenSinceCommit += written;
        if (written > 0) {
            unsynced = true;
        }
    }

    private void force() throws IOException {
        channel.force(false);
        unsynced = false;
        syncs++;
        lastSyncNanos = System.nanoTime();
    }

    private void roll() throws IOException {
        // The policy's next force would only reach the new segment: the old one is made durable now.
        if (unsynced) {
            force();
        }
        channel.close();
        segmentNumber++;
        openSegment();
    }

    private void openSegment() throws IOException {
        Path file = files.segment(segmentNumber);
        boolean created = !Files.exists(file);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        segmentSize = channel.size();
        if (created) {
            DirectorySync.force(files.dir());
        }
    }
}
