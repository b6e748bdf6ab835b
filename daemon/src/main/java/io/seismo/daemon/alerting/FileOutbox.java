package io.seismo.daemon.alerting;

import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.sink.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The outbox in {@code <dataDir>/outbox/}: one append-only file of records, each framed as length, CRC-32 and
 * payload. A notification is appended and fsynced before any sink sees it. Each settlement (delivered, superseded,
 * given up) is appended at once, so after a kill -9 the unsettled ones are delivered again and the settled ones are
 * not; it is fsynced with the next append or {@link #sync}, whichever comes first. One fsync then serves every
 * delivery of a tick, where one each had the alerting thread waiting on the disk for each (a single fsync took
 * 170–190 ms while the kernel wrote back other files). Only a machine crash in that tick can deliver a settled
 * notification once more, under the same id. A torn or corrupt record ends the readable part: it and what follows
 * are cut off, counted and logged. The file is rewritten (temp file, fsync, atomic rename) when settled records dominate it, keeping only the
 * pending entries and the recent settled keys that dedupe a replay.
 */
final class FileOutbox implements Outbox {
    static final String FILE_NAME = "outbox.log";
    private static final Logger LOG = LoggerFactory.getLogger(FileOutbox.class);
    private static final int HEADER_BYTES = 2 * Integer.BYTES;
    /** No notification is near this; a larger length is a torn or corrupt header. */
    private static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;
    private static final byte ENTRY = 1;
    private static final byte SETTLED = 2;
    /** Records beyond twice the live ones (plus this slack) trigger a rewrite. */
    private static final int COMPACTION_SLACK_RECORDS = 1_000;

    private final Path directory;
    private final Path file;
    private final AlertingMetrics metrics;
    private final OutboxIndex index;
    private final StateOutput payload = new StateOutput(4096);
    private FileChannel channel;
    private long recordsInFile;
    /** Settlements written since the file was last fsynced. */
    private boolean settlementsUnsynced;

    private FileOutbox(Path directory, AlertingMetrics metrics, int settledCapacity) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
        this.metrics = metrics;
        this.index = new OutboxIndex(settledCapacity);
    }

    /**
     * Opens (creating it if needed) the outbox in {@code directory}, reading back what it holds.
     *
     * @throws UncheckedIOException when the directory cannot be created or the file cannot be read or rewritten
     */
    static FileOutbox open(Path directory, AlertingMetrics metrics) {
        return open(directory, metrics, OutboxIndex.DEFAULT_SETTLED_CAPACITY);
    }

    static FileOutbox open(Path directory, AlertingMetrics metrics, int settledCapacity) {
        FileOutbox outbox = new FileOutbox(directory, metrics, settledCapacity);
        try {
            Files.createDirectories(directory);
            outbox.load();
            outbox.rewrite();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outbox in " + directory + ": " + e.getMessage(), e);
        }
        return outbox;
    }

    @Override
    public List<OutboxEntry> append(List<Notification> notifications, Instant now) {
        List<OutboxEntry> taken = index.admit(notifications, now);
        if (taken.isEmpty()) {
            return taken;
        }
        try {
            for (OutboxEntry entry : taken) {
                writeEntry(channel, entry);
            }
            force();
        } catch (IOException | RuntimeException e) {
            // Delivering without durability beats not delivering: the entries stay pending in memory.
            metrics.outboxWriteFailures();
            LOG.error("Cannot write {} notifications to the outbox {}; delivering them without a durable copy: {}",
                    taken.size(), file, e.toString());
        }
        return taken;
    }

    @Override
    public void markDone(String key) {
        if (!index.settle(key)) {
            return;
        }
        try {
            writeSettled(channel, key);
            settlementsUnsynced = true;
            if (recordsInFile > 2L * (index.pendingCount() + index.settledCount()) + COMPACTION_SLACK_RECORDS) {
                rewrite();
            }
        } catch (IOException | RuntimeException e) {
            metrics.outboxWriteFailures();
            LOG.error("Cannot record in the outbox {} that notification {} is settled; after a restart it may be "
                    + "delivered again: {}", file, key, e.toString());
        }
    }

    @Override
    public void sync() {
        if (!settlementsUnsynced) {
            return;
        }
        try {
            force();
        } catch (IOException | RuntimeException e) {
            // Not retried: after a failed fsync the kernel may already count the pages as written.
            settlementsUnsynced = false;
            metrics.outboxWriteFailures();
            LOG.error("Cannot sync the outbox {}; after a machine crash notifications settled in the last moments "
                    + "may be delivered again: {}", file, e.toString());
        }
    }

    @Override
    public List<OutboxEntry> pending() {
        return index.pending();
    }

    @Override
    public void close() {
        sync();
        closeChannel();
    }

    /** Makes everything written durable, settlements written since the last sync included. */
    private void force() throws IOException {
        channel.force(false);
        settlementsUnsynced = false;
        metrics.outboxSyncs();
    }

    private void closeChannel() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.warn("Cannot close the outbox {}: {}", file, e.toString());
        }
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        int offset = 0;
        while (offset < bytes.length) {
            int recordEnd = readRecord(bytes, offset);
            if (recordEnd < 0) {
                metrics.outboxRecordsSkipped();
                LOG.error("Outbox {} has a torn or corrupt record at byte {}; skipped it and the {} bytes after it",
                        file, offset, bytes.length - offset);
                return;
            }
            offset = recordEnd;
        }
    }

    /** Applies the record at {@code offset}; returns where the next one starts, or -1 when it is unreadable. */
    private int readRecord(byte[] bytes, int offset) {
        if (bytes.length - offset < HEADER_BYTES) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, offset, HEADER_BYTES);
        int length = header.getInt();
        int crc = header.getInt();
        int start = offset + HEADER_BYTES;
        if (length < 1 || length > MAX_RECORD_BYTES || length > bytes.length - start || crc32(bytes, start, length) != crc) {
            return -1;
        }
        try {
            StateInput in = new StateInput(bytes, start, length);
            int type = in.readInt("record type");
            String key = in.readString("key");
            if (type == ENTRY) {
                Instant createdAt = StateFields.readInstant(in);
                index.add(new OutboxEntry(createdAt, NotificationCodec.read(key, in)));
            } else if (type == SETTLED) {
                index.settle(key);
            } else {
                return -1;
            }
            in.expectEnd("outbox record");
        } catch (RuntimeException e) {
            LOG.warn("Outbox record at byte {} passes its CRC but cannot be read: {}", offset, e.toString());
            return -1;
        }
        return start + length;
    }

    /** Writes the settled keys and the pending entries to a new file and swaps it in atomically. */
    private void rewrite() throws IOException {
        closeChannel();
        Path temp = directory.resolve(FILE_NAME + ".tmp");
        long records = 0;
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (String key : index.settledKeys()) {
                writeSettled(out, key);
                records++;
            }
            for (OutboxEntry entry : index.pending()) {
                writeEntry(out, entry);
                records++;
            }
            out.force(true);
        }
        metrics.outboxSyncs();
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true); // the rename itself must survive a crash
        }
        recordsInFile = records;
        settlementsUnsynced = false;
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private void writeEntry(FileChannel out, OutboxEntry entry) throws IOException {
        payload.reset();
        payload.writeInt(ENTRY);
        payload.writeString(entry.key());
        StateFields.writeInstant(entry.createdAt(), payload);
        NotificationCodec.write(entry.notification(), payload);
        writeRecord(out, payload);
    }

    private void writeSettled(FileChannel out, String key) throws IOException {
        payload.reset();
        payload.writeInt(SETTLED);
        payload.writeString(key);
        writeRecord(out, payload);
    }

    private void writeRecord(FileChannel out, StateOutput record) throws IOException {
        byte[] bytes = new byte[HEADER_BYTES + record.size()];
        ByteBuffer.wrap(bytes).putInt(record.size()).putInt(record.crc32(0));
        record.copyInto(bytes, HEADER_BYTES);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        if (out == channel) {
            recordsInFile++;
        }
    }

    private static int crc32(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
