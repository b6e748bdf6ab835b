package io.seismo.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A log file being written the way services write them: opened once in append mode ({@code O_APPEND}), so
 * writes keep landing at the end after the file is truncated, and keep going to the same inode after a
 * rename until the writer reopens.
 */
public final class LogFile implements AutoCloseable {
    private final Path path;
    private FileChannel out;

    public LogFile(Path path) {
        this.path = path;
        reopen();
    }

    public Path path() {
        return path;
    }

    public LogFile write(String text) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes lines {@code seq-<from>} up to, not including, {@code seq-<to>}, each with a newline. */
    public LogFile writeSequence(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(sequenceLine(i)).append('\n');
        }
        return write(text.toString());
    }

    public static String sequenceLine(int i) {
        return String.format("seq-%06d some payload to make the line longer than its number", i);
    }

    /** Closes and opens the path again (after a rename: a new file). */
    public void reopen() {
        close();
        try {
            out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts the file to zero bytes, as {@code truncate -s 0} or logrotate's copytruncate does. */
    public void truncate() {
        try (FileChannel t = FileChannel.open(path, StandardOpenOption.WRITE)) {
            t.truncate(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = null;
        }
    }
}
