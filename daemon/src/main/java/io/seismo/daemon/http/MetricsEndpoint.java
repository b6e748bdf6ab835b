package io.seismo.daemon.http;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MetricNameFilter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /metrics} in the Prometheus text format (0.0.4), which every Prometheus version scrapes. Like the
 * client library's own server, {@code ?name[]=a&name[]=b} limits the answer to those metrics (exposition names,
 * such as {@code seismo_ingest_events_total}): a tool that polls a few counters often then does not make the
 * daemon write and validate every series each time.
 */
final class MetricsEndpoint implements Handler<RoutingContext> {
    private static final String NAME_PARAMETER = "name[]";

    private final PrometheusRegistry registry;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    MetricsEndpoint(PrometheusRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(out, scrape(ctx.queryParam(NAME_PARAMETER)));
        } catch (IOException e) {
            ctx.fail(500, e);
            return;
        }
        ctx.response().putHeader("Content-Type", writer.getContentType()).end(Buffer.buffer(out.toByteArray()));
    }

    private MetricSnapshots scrape(List<String> names) {
        if (names.isEmpty()) {
            return registry.scrape();
        }
        return registry.scrape(MetricNameFilter.builder().nameMustBeEqualTo(names).build());
    }
}
