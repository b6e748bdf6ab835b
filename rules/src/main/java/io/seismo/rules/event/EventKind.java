package io.seismo.rules.event;

/**
 * What an event carries: a log line, a metric sample, a span, or the summary of a trace that closed (made by
 * the engine itself, and shown only to {@code traces} rules).
 */
public enum EventKind {
    LOG, METRIC, SPAN, TRACE_SUMMARY
}
