package io.seismo.daemon.ingest;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Refuses a request without one of the configured bearer tokens, before its body is read. */
public final class BearerTokenAuth implements Handler<RoutingContext> {
    private static final String PREFIX = "Bearer ";
    private final List<byte[]> tokens;
    private final CounterDataPoint rejected;

    public BearerTokenAuth(List<String> tokens, CounterDataPoint rejected) {
        this.tokens = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        this.rejected = rejected;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.startsWith(PREFIX) && known(header.substring(PREFIX.length()).trim())) {
            ctx.next();
            return;
        }
        rejected.inc();
        ctx.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer realm=\"seismo\"")
                .putHeader("Content-Type", "application/json")
                .end("{\"error\":\"missing or unknown bearer token\"}");
    }

    private boolean known(String presented) {
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] token : tokens) {
            // Constant time per token, and every token is compared, so timing does not tell which one matched.
            match |= MessageDigest.isEqual(token, bytes);
        }
        return match;
    }
}
