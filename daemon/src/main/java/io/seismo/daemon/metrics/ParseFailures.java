package io.seismo.daemon.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * {@code seismo_parse_failures_total{reason}}: lines kept as raw messages because their parser could not read
 * them, by a small fixed set of reasons (the parser's own wording, which names columns, goes to the event's
 * {@code seismo.parseError} attribute, never into a label).
 */
public final class ParseFailures {
    private final Counter counter;
    private final CounterDataPoint noMatch;
    private final CounterDataPoint tooSlow;
    private final CounterDataPoint malformed;
    private final CounterDataPoint parserError;
    private final CounterDataPoint unknown;

    ParseFailures(PrometheusRegistry registry) {
        counter = Counter.builder().name("seismo_parse_failures")
                .help("Lines that did not parse with their source's parser and were kept as raw messages, by reason")
                .labelNames("reason").register(registry);
        noMatch = counter.labelValues("no_match");
        tooSlow = counter.labelValues("too_slow");
        malformed = counter.labelValues("malformed");
        parserError = counter.labelValues("parser_error");
        unknown = counter.labelValues("unknown");
    }

    /** Counts a failure whose reason was not given. */
    public void inc() {
        unknown.inc();
    }

    /** Counts a failure, classifying the parser's reason text (the {@code seismo.parseError} attribute). */
    public void inc(String reason) {
        reasonCounter(reason).inc();
    }

    /** All failures, every reason. */
    public double get() {
        return counter.collect().getDataPoints().stream().mapToDouble(p -> p.getValue()).sum();
    }

    private CounterDataPoint reasonCounter(String reason) {
        if (reason == null) {
            return unknown;
        }
        if (reason.startsWith("line does not match")) {
            return noMatch;
        }
        if (reason.contains("backtracked") || reason.contains("recursed")) {
            return tooSlow;
        }
        if (reason.startsWith("parser error")) {
            return parserError;
        }
        return malformed;
    }
}
