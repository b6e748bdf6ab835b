package io.seismo.rules.correlate;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import io.seismo.rules.event.Level;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A closed trace as the event a {@code traces} rule sees: kind {@link EventKind#TRACE_SUMMARY}, the trace id, the
 * first service as its service, ERROR when any service failed in it (with the first error as message), and the
 * summary's lists in attributes that the rule's view reads back as lists.
 */
public final class TraceSummaryEvent {
    static final String SERVICES = "trace.services";
    static final String ERROR_SERVICES = "trace.errorServices";
    static final String EDGES = "trace.edges";
    static final String DURATION_MILLIS = "trace.durationMillis";
    static final String EVENTS = "trace.events";
    private static final String SEPARATOR = ",";

    private TraceSummaryEvent() {
    }

    /** Refills {@code event} with {@code trace}, as seen at {@code atNanos} of event time. */
    public static void fill(Event event, TraceSummary trace, long atNanos) {
        event.reset();
        event.setKind(EventKind.TRACE_SUMMARY);
        event.setEventTimeNanos(atNanos);
        event.setTraceId(trace.traceId());
        event.setService(trace.services().isEmpty() ? null : trace.services().get(0));
        event.setLevel(trace.hasErrors() ? Level.ERROR : Level.INFO);
        event.setMessage(trace.firstErrorMessage() != null ? trace.firstErrorMessage()
                : "trace " + trace.traceId() + " through " + String.join(", ", trace.services()));
        event.putAttr(SERVICES, String.join(SEPARATOR, trace.services()));
        event.putAttr(ERROR_SERVICES, String.join(SEPARATOR, trace.errorServices()));
        List<String> edges = new ArrayList<>(trace.edges().size());
        for (ServiceEdge edge : trace.edges()) {
            edges.add(edge.caller() + "->" + edge.callee());
        }
        event.putAttr(EDGES, String.join(SEPARATOR, edges));
        event.putAttr(DURATION_MILLIS, Double.toString((trace.endNanos() - trace.startNanos()) / 1e6));
        event.putAttr(EVENTS, Long.toString(trace.eventCount()));
    }

    /** The services of the trace summarised in {@code event}, in first-seen order; empty for any other event. */
    public static List<String> services(Event event) {
        return list(event.attr(SERVICES));
    }

    public static List<String> errorServices(Event event) {
        return list(event.attr(ERROR_SERVICES));
    }

    /** Caller-to-callee edges as {@code "checkout->payments"}. */
    public static List<String> edges(Event event) {
        return list(event.attr(EDGES));
    }

    /** From the trace's first event to its last; 0 for any other event. */
    public static double durationMillis(Event event) {
        String millis = event.attr(DURATION_MILLIS);
        return millis == null ? 0 : Double.parseDouble(millis);
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }
}
