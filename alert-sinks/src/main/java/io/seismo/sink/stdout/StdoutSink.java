package io.seismo.sink.stdout;

import io.seismo.sink.AlertSink;
import io.seismo.sink.Notification;
import io.seismo.sink.delivery.SinkThread;
import io.seismo.sink.format.AlertText;
import io.seismo.sink.format.WebhookBody;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Prints notifications for a person at a terminal ({@link Format#TEXT}) or for a pipe ({@link Format#JSON}, one
 * webhook body per line). Printing happens on the sink's own thread: a stalled stdout (a full pipe, a paused
 * journal) must not stall alerting.
 */
public final class StdoutSink implements AlertSink {

    /** How a notification is printed. */
    public enum Format {
        TEXT(AlertText::of), JSON(WebhookBody::toJsonLine);

        private final Function<Notification, String> render;

        Format(Function<Notification, String> render) {
            this.render = render;
        }
    }

    private final String name;
    private final Format format;
    private final PrintStream out;
    private final SinkThread thread;

    public StdoutSink(String name, Format format, PrintStream out) {
        this.name = name;
        this.format = format;
        this.out = out;
        this.thread = new SinkThread(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<Void> send(Notification notification) {
        return thread.submit(() -> {
            out.println(format.render.apply(notification));
            out.flush();
        });
    }

    @Override
    public void close() {
        thread.close();
    }
}
