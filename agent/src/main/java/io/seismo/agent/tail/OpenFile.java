package io.seismo.agent.tail;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file held open for reading. Holding it open is what lets a renamed or deleted file be read to its end,
 * and it pins the inode, so {@link #fileKey()} cannot be reused by another file while we hold it.
 */
public final class OpenFile implements Closeable {
    private final FileChannel channel;
    private final Object fileKey;

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
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, buffer.position());
            if (n <= 0) {
                break;
            }
        }
        byte[] head = new byte[buffer.position()];
        buffer.flip();
        buffer.get(head);
        return head;
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
