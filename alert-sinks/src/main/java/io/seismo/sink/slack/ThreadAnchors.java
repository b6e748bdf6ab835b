package io.seismo.sink.slack;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers the Slack {@code ts} of the message that announced each firing alert, so that its resolution is posted
 * as a reply in that thread. Bounded: the oldest anchors go first, and a resolve whose anchor is gone (evicted, or
 * lost in a restart) is simply posted to the channel. Not thread-safe: the sink's own thread owns it.
 */
final class ThreadAnchors {
    private final Map<String, String> tsByFingerprint;

    ThreadAnchors(int capacity) {
        this.tsByFingerprint = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    void remember(Collection<String> fingerprints, String ts) {
        fingerprints.forEach(fingerprint -> tsByFingerprint.put(fingerprint, ts));
    }

    /** The thread of the first of these alerts that we announced. */
    Optional<String> threadOf(Collection<String> fingerprints) {
        return fingerprints.stream().map(tsByFingerprint::get).filter(Objects::nonNull).findFirst();
    }

    void forget(Collection<String> fingerprints) {
        fingerprints.forEach(tsByFingerprint::remove);
    }
}
