package io.seismo.daemon.silence;

import io.seismo.daemon.match.Matchers;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A silence: alerts whose labels all its matchers match are not notified between {@code startsAt} and
 * {@code endsAt}. Immutable; expiring one makes a copy that ends now.
 */
public record Silence(String id, Matchers matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(matchers, "matchers");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        createdBy = createdBy == null ? "" : createdBy;
        comment = comment == null ? "" : comment;
    }

    public SilenceState state(Instant now) {
        if (now.isBefore(startsAt)) {
            return SilenceState.PENDING;
        }
        return now.isBefore(endsAt) ? SilenceState.ACTIVE : SilenceState.EXPIRED;
    }

    /** Whether it mutes an alert with these labels at {@code now}. */
    public boolean mutes(Map<String, String> labels, Instant now) {
        return state(now) == SilenceState.ACTIVE && matchers.matches(labels);
    }

    Silence endingAt(Instant end) {
        return new Silence(id, matchers, startsAt.isAfter(end) ? end : startsAt, end, createdBy, comment);
    }
}
