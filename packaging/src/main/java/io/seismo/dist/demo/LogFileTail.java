package io.seismo.dist.demo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a restarted generator needs from a log file it appends to: the last sequence number written, so
 * {@code seq} keeps increasing across runs, and whether a crash left a partial last line.
 */
record LogFileTail(long lastSeq, boolean endsMidLine) {

    static final LogFileTail EMPTY = new LogFileTail(0, false);

    // Enough for hundreds of lines; a file whose tail has no seq (not ours) starts again at 1.
    private static final int TAIL_BYTES = 64 * 1024;
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d{1,18})");

    static LogFileTail read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return EMPTY;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return EMPTY;
            }
            int length = (int) Math.min(size, TAIL_BYTES);
            ByteBuffer tail = ByteBuffer.allocate(length);
            long position = size - length;
            while (tail.hasRemaining()) {
                if (channel.read(tail, position + tail.position()) < 0) {
                    break; // the file shrank while we read it
                }
            }
            String text = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
            boolean endsMidLine = !text.endsWith("\n");
            String complete = text.substring(0, text.lastIndexOf('\n') + 1);
            return new LogFileTail(lastSeq(complete), endsMidLine);
        }
    }

    private static long lastSeq(String completeLines) {
        long last = 0;
        Matcher matcher = SEQ.matcher(completeLines);
        while (matcher.find()) {
            last = Long.parseLong(matcher.group(1));
        }
        return last;
    }
}
