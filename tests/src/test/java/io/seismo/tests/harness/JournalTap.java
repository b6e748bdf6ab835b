package io.seismo.tests.harness;

import io.seismo.daemon.journal.JournalReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps every journal segment the daemon ever wrote readable after the daemon deletes it (old segments go once
 * a checkpoint covers them): it hard-links each new segment into a folder of its own, so the file's bytes
 * live on under the second name, appends and truncations included. Polls every 20 ms on its own thread; a
 * segment lives at least one checkpoint interval, far longer.
 */
public final class JournalTap implements AutoCloseable {
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final long POLL_MILLIS = 20;

    private final Path journalDir;
    private final Path tapDir;
    /** File identity (device and inode) → its link, so a reused segment name is a new file, not the old one. */
    private final Map<Object, Path> linked = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile IOException failure;

    public JournalTap(Path journalDir, Path tapDir) {
        this.journalDir = journalDir;
        this.tapDir = tapDir;
        this.thread = new Thread(this::run, "journal-tap");
        this.thread.setDaemon(true);
    }

    public JournalTap start() throws IOException {
        Files.createDirectories(tapDir);
        thread.start();
        return this;
    }

    /**
     * How often each sequence number appears in the good records of every segment seen so far. A record that
     * is torn or fails its CRC ends its segment's good records, as it does for the daemon.
     */
    public Map<Long, Integer> sequences() throws IOException {
        if (failure != null) {
            throw failure;
        }
        linkNew();
        Map<Long, Integer> counts = new TreeMap<>();
        for (Path segment : linked.values().stream().sorted().toList()) {
            JournalReader.read(segment, record -> {
                Matcher m = SEQ.matcher(record.line());
                if (m.find()) {
                    counts.merge(Long.parseLong(m.group(1)), 1, Integer::sum);
                }
            });
        }
        return counts;
    }

    private void run() {
        while (!stopped) {
            try {
                linkNew();
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS); // the tap's polling pace
            } catch (IOException e) {
                failure = e;
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void linkNew() throws IOException {
        if (!Files.isDirectory(journalDir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(journalDir)) {
            files = list.toList();
        } catch (NoSuchFileException e) {
            return;
        }
        for (Path file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile() || linked.containsKey(attributes.fileKey())) {
                    continue;
                }
                // Numbered in the order seen, so segments read back in the order they were written.
                Path link = tapDir.resolve(String.format("%06d-%s", linked.size(), file.getFileName()));
                Files.createLink(link, file);
                linked.put(attributes.fileKey(), link);
            } catch (NoSuchFileException | FileAlreadyExistsException e) {
                // Deleted between the listing and the link (a temp file); the next poll sees the rest.
            } catch (UnsupportedOperationException e) {
                throw new UncheckedIOException(new IOException("the test folder's file system has no hard links", e));
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
