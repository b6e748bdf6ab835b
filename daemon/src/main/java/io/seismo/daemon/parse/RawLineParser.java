package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;

/** The line is the message; nothing else is read. */
final class RawLineParser implements LineParser {

    @Override
    public boolean parse(CharSequence line, Event out) {
        out.setMessage(line.toString());
        return true;
    }
}
