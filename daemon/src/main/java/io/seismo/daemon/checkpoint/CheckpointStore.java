package io.seismo.daemon.checkpoint;

import io.seismo.daemon.journal.DirectorySync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoint folder: {@code checkpoint-<16-digit sequence>.bin} files, the newest {@value #KEEP} kept.
 * A file is written atomically: temp file, write, fsync, rename, fsync the folder; a crash at any step leaves
 * either the previous checkpoints only or the new one complete, and a leftover temp file that the next open
 * deletes. Loading takes the newest file that validates and skips (counts and logs) the ones that do not.
 *
 * <p>{@link #write} is called from one thread at a time (the checkpoint writer).
 */
public final class CheckpointStore {
    static final int KEEP = 3;
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{16})\\.bin");
    private static final String TEMP_SUFFIX = ".tmp";
    /**
     * Written bytes forced to the device at least this often. A checkpoint is a hundred megabytes or more, and
     * left dirty in the page cache it went to the disk in one go at the final fsync: the journal's commits
     * meanwhile (fdatasync on the same file system) took 50–70 ms instead of about one (strace, at each
     * checkpoint), and the correlator waits for the journal. Forced in steps, a commit waits for one step at most.
     */
    private static final int FORCE_EVERY_BYTES = 8 << 20;

    private final Path dir;
    private final CheckpointFault fault;
    private final Runnable onFallback;
    private long nextSequence;

    /**
     * @param onFallback called once for every checkpoint file that {@link #loadNewest} skips
     */
    public CheckpointStore(Path dir, CheckpointFault fault, Runnable onFallback) throws IOException {
        this.dir = dir;
        this.fault = fault;
        this.onFallback = onFallback;
        Files.createDirectories(dir);
        deleteTempFiles();
        List<Path> existing = checkpointFiles();
        nextSequence = existing.isEmpty() ? 1 : sequenceOf(existing.get(0)) + 1;
    }

    public Path dir() {
        return dir;
    }

    /** Writes the checkpoint as the next file, makes it durable, then drops the oldest beyond {@value #KEEP}. */
    public StoredCheckpoint write(Checkpoint checkpoint) throws IOException {
        long sequence = nextSequence++;
        List<ByteBuffer> parts = CheckpointFormat.parts(checkpoint);
        long size = 0;
        for (ByteBuffer part : parts) {
            size += part.remaining();
        }
        Path target = dir.resolve(String.format("checkpoint-%016d.bin", sequence));
        Path temp = dir.resolve(target.getFileName() + TEMP_SUFFIX);
        boolean renamed = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                PacedWrites paced = new PacedWrites(channel, FORCE_EVERY_BYTES);
                for (ByteBuffer part : parts) {
                    paced.write(part);
                }
                fault.at(CheckpointFault.Step.AFTER_WRITE);
                channel.force(true);
            }
            fault.at(CheckpointFault.Step.BEFORE_RENAME);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            renamed = true;
            fault.at(CheckpointFault.Step.AFTER_RENAME);
            DirectorySync.force(dir);
        } finally {
            if (!renamed) {
                Files.deleteIfExists(temp);
            }
        }
        deleteBeyondNewest();
        return new StoredCheckpoint(target, sequence, size, checkpoint);
    }

    /** The newest checkpoint that validates, if any; every newer one that does not is counted and logged. */
    public Optional<StoredCheckpoint> loadNewest() throws IOException {
        for (Path file : checkpointFiles()) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                return Optional.of(new StoredCheckpoint(file, sequenceOf(file), bytes.length, CheckpointFormat.decode(bytes)));
            } catch (CorruptCheckpointException | IOException e) {
                onFallback.run();
                LOG.warn("checkpoint {} skipped, falling back to an older one: {}", file, e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The checkpoint files, newest first. */
    List<Path> checkpointFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> NAME.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .toList();
        }
    }

    private void deleteBeyondNewest() throws IOException {
        List<Path> files = new ArrayList<>(checkpointFiles());
        for (Path old : files.subList(Math.min(KEEP, files.size()), files.size())) {
            Files.deleteIfExists(old);
        }
    }

    private void deleteTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path temp : files.filter(f -> f.getFileName().toString().endsWith(TEMP_SUFFIX)).toList()) {
                LOG.info("deleting {}, left over from a checkpoint write that did not finish", temp);
                Files.deleteIfExists(temp);
            }
        }
    }

    private static long sequenceOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + " is not a checkpoint file");
        }
        return Long.parseLong(m.group(1));
    }
}
