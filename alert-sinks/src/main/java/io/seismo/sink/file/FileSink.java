package io.seismo.sink.file;

import io.seismo.sink.AlertSink;
import io.seismo.sink.DeliveryException;
import io.seismo.sink.Notification;
import io.seismo.sink.delivery.SinkThread;
import io.seismo.sink.format.WebhookBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;

/**
 * Appends each notification as one JSON line (the webhook body) and flushes it, so a reader tailing the file
 * sees whole lines only. All file work happens on the sink's own thread; the writer lives on that thread only.
 */
public final class FileSink implements AlertSink {
    private final String name;
    private final Path path;
    private final SinkThread thread;
    private BufferedWriter writer; // confined to the sink thread

    public FileSink(String name, Path path) {
        this.name = name;
        this.path = path;
        this.thread = new SinkThread(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<Void> send(Notification notification) {
        return thread.submit(() -> append(WebhookBody.toJsonLine(notification)));
    }

    private void append(String line) {
        try {
            if (writer == null) {
                writer = open();
            }
            writer.write(line);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            closeWriter(); // reopen on the next send: the disk or directory may come back
            throw new DeliveryException("sink '" + name + "': cannot append to " + path + ": " + e, true, null, e);
        }
    }

    private BufferedWriter open() throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    private void closeWriter() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the append already failed and is reported; nothing more to say about this handle
            }
            writer = null;
        }
    }

    @Override
    public void close() {
        thread.submit(this::closeWriter);
        thread.close();
    }
}
