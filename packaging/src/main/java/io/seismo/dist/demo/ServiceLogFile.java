package io.seismo.dist.demo;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One service's log file. Lines are buffered in memory and written whole on {@link #flush()}, so a
 * tailing agent sees complete lines. The file is opened in append mode, which keeps writing correct when
 * it is rotated by copytruncate. Confined to the generator thread, except {@link #linesWritten()}.
 */
final class ServiceLogFile implements Closeable {

    private final Path path;
    private final FileChannel channel;
    private final LogLineEncoder encoder;
    private final StringBuilder pending = new StringBuilder(16 * 1024);
    private final AtomicLong linesWritten = new AtomicLong();
    private long nextSeq;
    private int pendingLines;

    private ServiceLogFile(Path path, FileChannel channel, LogLineEncoder encoder, LogFileTail tail) {
        this.path = path;
        this.channel = channel;
        this.encoder = encoder;
        this.nextSeq = tail.lastSeq() + 1;
        if (tail.endsMidLine()) {
            // Close the torn line a crash left behind so our first line stays parseable.
            pending.append('\n');
        }
    }

    static ServiceLogFile open(Path path, LogLineEncoder encoder) throws IOException {
        LogFileTail tail = LogFileTail.read(path);
        FileChannel channel = FileChannel.open(path,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new ServiceLogFile(path, channel, encoder, tail);
    }

    Path path() {
        return path;
    }

    void append(LogLine line) {
        pending.append(encoder.encode(line, nextSeq++)).append('\n');
        pendingLines++;
    }

    void flush() throws IOException {
        if (pending.length() == 0) {
            return;
        }
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pending));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        linesWritten.addAndGet(pendingLines);
        pending.setLength(0);
        pendingLines = 0;
    }

    long linesWritten() {
        return linesWritten.get();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            channel.close();
        }
    }
}
