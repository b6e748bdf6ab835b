package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;

/**
 * Keeps the {@link LineParser} promise of never throwing in one place: a null line reads as empty, and a bug or an
 * input no parser foresaw becomes a failed line instead of an exception on a pipeline thread.
 */
final class FailSafeParser implements LineParser {
    private final LineParser delegate;

    FailSafeParser(LineParser delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean parse(CharSequence line, Event out) {
        CharSequence text = line == null ? "" : line;
        try {
            return delegate.parse(text, out);
        } catch (RuntimeException e) {
            return ParseFailure.record(out, text, "parser error: " + e);
        }
    }
}
