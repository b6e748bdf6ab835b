package io.seismo.agent.tail;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * A file held open for reading. Holding it open is what lets a renamed or deleted file be read to its end,
 * and it pins the inode, so {@link #fileKey()} cannot be reused by another file while we hold it.
 */
public final class OpenFile implements Closeable {
    private final FileChannel channel;
    private final Object fileKey;
    /** Reused by {@link #startsWith}, which runs on every read and poll. */
    private ByteBuffer headCheck;

    private OpenFile(FileChannel channel, Object fileKey) {
        this.channel = channel;
        this.fileKey = fileKey;
    }

    /** Opens {@code path}; fails if the path was swapped for another file while it was being opened. */
    public static OpenFile open(Path path) throws IOException {
        Object before = fileKeyOf(path);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        Object after;
        try {
            after = fileKeyOf(path);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (before != null && !before.equals(after)) {
            channel.close();
            throw new IOException(path + " was replaced while being opened");
        }
        return new OpenFile(channel, after);
    }

    public Object fileKey() {
        return fileKey;
    }

    public long size() throws IOException {
        return channel.size();
    }

    /** Reads into {@code dst} from {@code position}; returns the bytes read, 0 at the end of the file. */
    public int read(ByteBuffer dst, long position) throws IOException {
        int n = channel.read(dst, position);
        return Math.max(n, 0);
    }

    /** The file's first bytes, up to {@link FileHead#MAX_LENGTH}. */
    public byte[] head() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(FileHead.MAX_LENGTH);
        readHead(buffer);
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** Whether the file begins with {@code prefix} (at most {@link FileHead#MAX_LENGTH} bytes); allocates nothing. */
    public boolean startsWith(byte[] prefix) throws IOException {
        if (headCheck == null) {
            headCheck = ByteBuffer.allocate(FileHead.MAX_LENGTH);
        }
        headCheck.clear().limit(prefix.length);
        readHead(headCheck);
        return headCheck.position() == prefix.length
                && Arrays.equals(headCheck.array(), 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Reads from the file's start into {@code buffer} until it is full or the file ends. */
    private void readHead(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, buffer.position());
            if (n <= 0) {
                break;
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a read-only channel has nothing to flush; an error here changes nothing for us.
        }
    }

    private static Object fileKeyOf(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }
}
