package io.seismo.daemon.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The journal's folder: segment files named by a zero-padded number so that name order is write order.
 * Safe from any thread: it only lists and deletes files, never the open one (see {@link #deleteBefore}).
 */
public final class JournalFiles {
    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".seg";

    private final Path dir;

    public JournalFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Every segment, oldest first. */
    public List<Path> segments() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(JournalFiles::isSegment).sorted().toList();
        }
    }

    public Path segment(long number) {
        return dir.resolve(String.format("%s%020d%s", PREFIX, number, SUFFIX));
    }

    public static long numberOf(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }

    /**
     * Deletes the segments numbered below {@code segment}: those wholly before a durable checkpoint's position.
     * The writer only ever appends to the newest segment, which a checkpoint position never lies beyond.
     *
     * @return how many were deleted
     */
    public int deleteBefore(long segment) throws IOException {
        int deleted = 0;
        for (Path file : segments()) {
            if (numberOf(file) < segment && Files.deleteIfExists(file)) {
                deleted++;
            }
        }
        return deleted;
    }

    private static boolean isSegment(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name.length() > PREFIX.length() + SUFFIX.length();
    }
}
