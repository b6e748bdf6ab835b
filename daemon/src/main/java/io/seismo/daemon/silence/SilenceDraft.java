package io.seismo.daemon.silence;

import io.seismo.daemon.match.Matchers;

import java.time.Instant;
import java.util.List;

/**
 * What someone asks to silence, checked: at least one matcher, all parsable, and an end after the start.
 *
 * @param startsAt null: now
 */
public record SilenceDraft(List<String> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {

    /** The matchers parsed; throws {@link IllegalArgumentException} with a message for the person who sent them. */
    Matchers parsedMatchers() {
        if (matchers == null || matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher, e.g. service=\"checkout\"");
        }
        return Matchers.parse(matchers);
    }

    Instant startOr(Instant now) {
        return startsAt == null ? now : startsAt;
    }

    void checkTimes(Instant now) {
        if (endsAt == null) {
            throw new IllegalArgumentException("a silence needs an end: endsAt or a duration");
        }
        if (!endsAt.isAfter(startOr(now))) {
            throw new IllegalArgumentException("the silence would end (" + endsAt + ") before it starts (" + startOr(now) + ")");
        }
    }
}
