package io.seismo.rules.event;

/** What an event carries: a log line, a metric sample, or a span. */
public enum EventKind {
    LOG, METRIC, SPAN
}
