package io.seismo.daemon.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * {@code seismo_pipeline_handler_lag_events{handler}}: how many ring sequences a handler is behind the
 * producer cursor, read from the Disruptor's own sequences at scrape time (nothing on the hot path).
 * A journal lag that grows means fsync is the bottleneck; a correlator lag, the rules.
 */
public final class HandlerLag {
    private final List<Tracked> handlers = new CopyOnWriteArrayList<>();

    HandlerLag(PrometheusRegistry registry) {
        GaugeWithCallback.builder().name("seismo_pipeline_handler_lag_events")
                .help("Ring sequences published but not yet processed by the handler")
                .labelNames("handler")
                .callback(cb -> handlers.forEach(h -> cb.call(h.lag(), h.handler())))
                .register(registry);
    }

    /**
     * Reports a handler's lag from now on.
     *
     * @param cursor   the ring's producer cursor ({@code RingBuffer::getCursor})
     * @param sequence the handler's sequence ({@code () -> disruptor.getSequenceValueFor(handler)})
     */
    public void track(String handler, LongSupplier cursor, LongSupplier sequence) {
        handlers.add(new Tracked(handler, cursor, sequence));
    }

    private record Tracked(String handler, LongSupplier cursor, LongSupplier sequence) {
        double lag() {
            return Math.max(0, cursor.getAsLong() - sequence.getAsLong());
        }
    }
}
