package io.seismo.sink.format;

import io.seismo.sink.Alert;
import io.seismo.sink.AlertSink;
import io.seismo.sink.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Words every alert with the sink's {@link AlertTemplates} before the sink sees it, so that any sink, built in or
 * not, gets templated summaries and descriptions without knowing about templates.
 */
public final class TemplatedSink implements AlertSink {
    private static final Logger LOG = LoggerFactory.getLogger(TemplatedSink.class);

    private final AlertSink sink;
    private final AlertTemplates templates;

    public TemplatedSink(AlertSink sink, AlertTemplates templates) {
        this.sink = sink;
        this.templates = templates;
    }

    @Override
    public String name() {
        return sink.name();
    }

    @Override
    public CompletableFuture<Void> send(Notification notification) {
        List<Alert> worded;
        try {
            worded = notification.alerts().stream().map(alert -> templates.apply(alert, notification)).toList();
        } catch (RuntimeException e) {
            // A template must never cost an alert: send the producer's own words instead.
            LOG.warn("sink '{}': template failed, sending the alert's own wording", sink.name(), e);
            return sink.send(notification);
        }
        return sink.send(notification.withAlerts(worded));
    }

    @Override
    public void close() {
        sink.close();
    }
}
