package io.seismo.rules.dsl;

import io.seismo.rules.correlate.TraceSummaryEvent;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import io.seismo.rules.event.Level;
import io.seismo.rules.sandbox.RuleApi;
import java.util.List;

/**
 * What {@code where} and {@code by} closures see: the event being evaluated, read-only, plus the level and
 * kind constants so that {@code level >= ERROR} reads naturally. Shows one event at a time and lets go of
 * it after the call, because the event holder belongs to the pipeline. One view serves all the rules of an
 * engine (one thread): with a view per rule, showing each line's event meant fetching and writing about ten
 * old objects (stores G1's barrier and refinement see); one view stays in the cache.
 */
@RuleApi
public final class EventView {
    private Event event;

    void show(Event current) {
        this.event = current;
    }

    public String getService() {
        return event.getService();
    }

    public Level getLevel() {
        return event.getLevel();
    }

    public String getMessage() {
        return event.getMessage();
    }

    public String getTraceId() {
        return event.getTraceId();
    }

    public String getSpanId() {
        return event.getSpanId();
    }

    public String getParentSpanId() {
        return event.getParentSpanId();
    }

    public String getHost() {
        return event.getHost();
    }

    public String getSource() {
        return event.getSource();
    }

    public String getPath() {
        return event.getPath();
    }

    public EventKind getKind() {
        return event.getKind();
    }

    public long getTimeNanos() {
        return event.getEventTimeNanos();
    }

    /** Whether the level is ERROR or worse. */
    public boolean isError() {
        return event.isError();
    }

    /** A parsed field of the event, or null. */
    public String attr(String name) {
        return event.attr(name);
    }

    /** For a {@code traces} rule: the trace's services, in first-seen order. */
    public List<String> getServices() {
        return TraceSummaryEvent.services(event);
    }

    /** For a {@code traces} rule: the services that logged an error in the trace. */
    public List<String> getErrorServices() {
        return TraceSummaryEvent.errorServices(event);
    }

    /** For a {@code traces} rule: its calls, as {@code "checkout->payments"}. */
    public List<String> getEdges() {
        return TraceSummaryEvent.edges(event);
    }

    /** For a {@code traces} rule: the trace's first error message, or null. */
    public String getFirstError() {
        return event.isError() ? event.getMessage() : null;
    }

    /** For a {@code traces} rule: from its first event to its last, in milliseconds. */
    public double getDurationMillis() {
        return TraceSummaryEvent.durationMillis(event);
    }

    public Level getUNKNOWN() {
        return Level.UNKNOWN;
    }

    public Level getTRACE() {
        return Level.TRACE;
    }

    public Level getDEBUG() {
        return Level.DEBUG;
    }

    public Level getINFO() {
        return Level.INFO;
    }

    public Level getWARN() {
        return Level.WARN;
    }

    public Level getERROR() {
        return Level.ERROR;
    }

    public Level getFATAL() {
        return Level.FATAL;
    }

    public EventKind getLOG() {
        return EventKind.LOG;
    }

    public EventKind getMETRIC() {
        return EventKind.METRIC;
    }

    public EventKind getSPAN() {
        return EventKind.SPAN;
    }
}
