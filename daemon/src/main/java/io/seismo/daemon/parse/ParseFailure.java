package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;

/** The one way a parser reports a line it could not read, so every format fails alike. */
final class ParseFailure {

    private ParseFailure() {
    }

    /** Keeps the line as the message, flags the event, records why, and returns false for the caller to count. */
    static boolean record(Event out, CharSequence line, String reason) {
        out.setMessage(line.toString());
        out.setParseFailed(true);
        out.putAttr(LineParser.PARSE_ERROR_ATTR, reason);
        return false;
    }
}
