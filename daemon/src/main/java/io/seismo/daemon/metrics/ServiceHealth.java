package io.seismo.daemon.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.function.LongSupplier;

/**
 * Per-service health derived from the logs, for dashboards and for alerting outside Seismo:
 * {@code seismo_service_events_total}, {@code seismo_service_errors_total} (level ERROR or worse) and
 * {@code seismo_service_error_ratio} over the last minute, all labelled {@code service}. The number of
 * services is capped (see {@link BoundedChildren}): past the cap, new services are counted together under
 * {@code service="other"} and {@code seismo_metric_label_overflow_total{label="service"}} grows.
 */
public final class ServiceHealth {
    private final BoundedChildren<Service> services;
    private final LongSupplier epochSecond;

    ServiceHealth(PrometheusRegistry registry, int maxServices, CounterDataPoint overflowed, LongSupplier epochSecond) {
        this.epochSecond = epochSecond;
        Counter events = Counter.builder().name("seismo_service_events")
                .help("Events per service, from the logs").labelNames("service").register(registry);
        Counter errors = Counter.builder().name("seismo_service_errors")
                .help("Events at level ERROR or worse per service, from the logs").labelNames("service").register(registry);
        services = new BoundedChildren<>(maxServices,
                name -> new Service(events.labelValues(name), errors.labelValues(name), new MinuteWindow()), overflowed);
        GaugeWithCallback.builder().name("seismo_service_error_ratio")
                .help("Errors divided by events per service over the last minute (0 without events)")
                .labelNames("service")
                .callback(cb -> {
                    long now = epochSecond.getAsLong();
                    services.forEach((name, service) -> cb.call(service.window().errorRatio(now), name));
                })
                .register(registry);
    }

    /** Counts one event of {@code service}; call from one thread only (the correlator). */
    public void record(String service, boolean error) {
        Service health = services.child(service);
        health.events().inc();
        if (error) {
            health.errors().inc();
        }
        health.window().record(epochSecond.getAsLong(), error);
    }

    private record Service(CounterDataPoint events, CounterDataPoint errors, MinuteWindow window) {
    }
}
