package io.seismo.daemon.silence;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** {@code seismo_silences{state}} and {@code seismo_silences_load_failures_total}. */
public final class SilenceMetrics {
    private final PrometheusRegistry registry;
    private final Counter loadFailures;

    public SilenceMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        this.loadFailures = Counter.builder().name("seismo_silences_load_failures")
                .help("Silences files found damaged at start (moved aside; the daemon started without them)")
                .register(registry);
    }

    /** For {@link SilenceStore#open}: counts a damaged silences file. */
    public void loadFailed() {
        loadFailures.inc();
    }

    /** Exports the silences per state, counted from {@code store} at each scrape. */
    public void export(SilenceStore store) {
        GaugeWithCallback.builder().name("seismo_silences").help("Silences by state (pending, active, expired)")
                .labelNames("state")
                .callback(callback -> {
                    for (SilenceState state : SilenceState.values()) {
                        callback.call(store.count(state, store.clock().instant()), state.wireName());
                    }
                })
                .register(registry);
    }
}
