package io.seismo.agent.checkpoint;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The acknowledged offsets of files and the sample numbers of scrape targets, as {@code offsets.json} in the
 * state folder (a file from before scraping existed reads as having no targets). Written atomically: a temp file is
 * written and fsynced, renamed over the old one, and the folder fsynced, so after a crash the file is either
 * the old or the new version, never a mix. A file that cannot be parsed anyway is moved aside (kept for
 * inspection) and the agent starts without it, re-sending from the start of each file rather than stopping.
 */
public final class CheckpointStore {
    public static final String FILE_NAME = "offsets.json";
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;
    private final Path file;
    private final Path temp;

    public CheckpointStore(Path stateDir) {
        this.dir = stateDir;
        this.file = stateDir.resolve(FILE_NAME);
        this.temp = stateDir.resolve(FILE_NAME + ".tmp");
    }

    public Path file() {
        return file;
    }

    /** Reads the checkpoint; a missing file is an empty checkpoint, an unreadable one is quarantined. */
    public Restored load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Restored(List.of(), List.of(), null);
        }
        try {
            CheckpointFile parsed = JSON.readValue(bytes, CheckpointFile.class);
            if (parsed.version() != VERSION || parsed.files() == null) {
                throw new IOException("unsupported checkpoint version " + parsed.version());
            }
            return new Restored(List.copyOf(parsed.files()),
                    parsed.scrapes() == null ? List.of() : List.copyOf(parsed.scrapes()), null);
        } catch (IOException e) {
            Path aside = dir.resolve(FILE_NAME + ".corrupt-" + System.currentTimeMillis());
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return new Restored(List.of(), List.of(), file + " could not be read (" + e.getMessage()
                    + "); moved to " + aside + ", starting every file from its beginning");
        }
    }

    public void save(List<CheckpointEntry> entries, List<ScrapeCheckpoint> scrapes) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new CheckpointFile(VERSION, entries, scrapes));
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder();
    }

    /** Makes the rename itself durable. Not every platform can open a folder; there the rename is all we get. */
    private void syncFolder() {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // Not supported here (e.g. Windows); the atomic rename still protects the content.
        }
    }

    /** The checkpoint as read at start, and what went wrong reading it ({@code null} if nothing did). */
    public record Restored(List<CheckpointEntry> entries, List<ScrapeCheckpoint> scrapes, String problem) {
    }

    record CheckpointFile(int version, List<CheckpointEntry> files, List<ScrapeCheckpoint> scrapes) {
    }
}
