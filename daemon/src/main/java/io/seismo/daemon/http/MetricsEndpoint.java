package io.seismo.daemon.http;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** {@code GET /metrics} in the Prometheus text format (0.0.4), which every Prometheus version scrapes. */
final class MetricsEndpoint implements Handler<RoutingContext> {
    private final PrometheusRegistry registry;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    MetricsEndpoint(PrometheusRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            ctx.fail(500, e);
            return;
        }
        ctx.response().putHeader("Content-Type", writer.getContentType()).end(Buffer.buffer(out.toByteArray()));
    }
}
