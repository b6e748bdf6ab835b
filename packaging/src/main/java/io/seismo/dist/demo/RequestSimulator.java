package io.seismo.dist.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Plays one request through the service graph and returns the log lines every service it reaches
 * would write, with timestamps offset from the request's start. Pure: no clock, no I/O; all randomness
 * comes from the injected {@link Random}, so a seed reproduces the traffic.
 *
 * <p>A caller logs "handling …" before it calls anyone and its outcome after its callees return, so a
 * caller's start is never later than anything its callees log. A broken service fails without calling
 * on; a caller whose callee failed stops and reports the upstream failure in the same trace.
 */
final class RequestSimulator {

    private static final int OK = 200;
    private static final int SERVICE_UNAVAILABLE = 503;
    private static final int BAD_GATEWAY = 502;

    private final ServiceGraph graph;
    private final Map<String, ServiceScript> scripts;
    private final Random random;

    RequestSimulator(ServiceGraph graph, Map<String, ServiceScript> scripts, Random random) {
        List<String> unscripted = graph.services().stream().filter(s -> !scripts.containsKey(s)).toList();
        if (!unscripted.isEmpty()) {
            throw new IllegalArgumentException("no script for services " + unscripted);
        }
        this.graph = graph;
        this.scripts = Map.copyOf(scripts);
        this.random = random;
    }

    List<LogLine> simulate(Route route, Instant start, Set<String> broken) {
        Trace trace = new Trace(hex(2), start, route, broken, new ArrayList<>());
        visit(trace, graph.entry(), null, 0, route.calls());
        return List.copyOf(trace.lines());
    }

    private Result visit(Trace trace, String service, String parentSpanId, long startMs, List<String> callees) {
        ServiceScript script = scripts.get(service);
        Span span = new Span(trace, service, script.protocol(), hex(1), parentSpanId, startMs);
        String subject = script.subject().draw(random, trace.route());
        if (script.entry() != null) {
            span.log(startMs, Level.INFO, script.entry().render(subject, 0), null);
        }
        long now = startMs + 1 + random.nextInt(2);
        if (trace.broken().contains(service)) {
            Remark failure = script.failure(random);
            long took = failure.drawMs(random);
            String message = failure.phrase().render(subject, took);
            return span.fail(now + took, SERVICE_UNAVAILABLE, message);
        }
        for (String callee : callees) {
            Result result = visit(trace, callee, span.spanId(), now, graph.callees(callee));
            now = result.endMs() + random.nextInt(2);
            if (result.failed()) {
                int status = service.equals(graph.entry()) ? BAD_GATEWAY : SERVICE_UNAVAILABLE;
                return span.fail(now, status, upstreamMessage(callee, result));
            }
        }
        Remark outcome = script.outcome(random);
        now += outcome.drawMs(random);
        span.log(now, outcome.level(), outcome.phrase().render(subject, now - startMs), OK);
        return new Result(now, null, null);
    }

    private String upstreamMessage(String callee, Result result) {
        return switch (scripts.get(callee).protocol()) {
            case HTTP -> "upstream " + callee + " returned " + result.status();
            case DATABASE -> "database " + callee + " unavailable: " + result.failure();
        };
    }

    /** Lower-case hex of {@code longs} random 64-bit words, never all zeros (W3C trace context forbids it). */
    private String hex(int longs) {
        StringBuilder id = new StringBuilder(16 * longs);
        for (int i = 0; i < longs; i++) {
            long word = random.nextLong();
            id.append(String.format("%016x", i == 0 && word == 0 ? 1 : word));
        }
        return id.toString();
    }

    private record Trace(String traceId, Instant start, Route route, Set<String> broken, List<LogLine> lines) {
    }

    /** What a call returned to its caller; {@code failure} is null when it succeeded. */
    private record Result(long endMs, Integer status, String failure) {
        boolean failed() {
            return failure != null;
        }
    }

    private record Span(Trace trace, String service, Protocol protocol, String spanId, String parentSpanId,
                        long startMs) {

        Result fail(long endMs, int status, String message) {
            log(endMs, Level.ERROR, message, status);
            return new Result(endMs, status, message);
        }

        /** An outcome line when {@code status} is given, else a "handling …" line without status and duration. */
        void log(long atMs, Level level, String message, Integer status) {
            boolean outcome = status != null;
            trace.lines().add(new LogLine(trace.start().plusMillis(atMs), service, level, trace.traceId(),
                    spanId, parentSpanId, message,
                    outcome && protocol == Protocol.HTTP ? status : null,
                    outcome ? atMs - startMs : null));
        }
    }
}
