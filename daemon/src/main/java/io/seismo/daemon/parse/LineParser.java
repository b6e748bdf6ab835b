package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;

/**
 * Turns one raw log line into the fields of a reusable {@link Event}. One instance per parse thread:
 * implementations keep scratch state and are not thread-safe.
 */
public interface LineParser {

    /** Attribute set on a failed line: why it did not parse (for the dead-letter file and debugging). */
    String PARSE_ERROR_ATTR = "seismo.parseError";

    /** Attribute set when the line parsed but its time field could not be read: holds that field's text. */
    String TIME_INVALID_ATTR = "seismo.timeInvalid";

    /**
     * Fills {@code out}, which the caller has reset and pre-filled with host, source, path, service and receive
     * time (as event time). On success returns true; a service found in the line replaces the pre-filled one and
     * a line without a time field keeps the pre-filled event time. On failure sets the message to the whole line,
     * sets {@code parseFailed} and {@link #PARSE_ERROR_ATTR}, keeps the pre-filled fields and returns false.
     * Never throws.
     */
    boolean parse(CharSequence line, Event out);
}
