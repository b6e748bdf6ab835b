package io.seismo.daemon.silence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The daemon's silences, kept in {@code <dataDir>/silences.json} so they outlive a restart. Changes come from the
 * API (any thread) and are written to the file before they take effect; alerting asks {@link #silencing} for
 * every alert it evaluates, so that reads a published array and allocates nothing while no silence matches.
 * Silences that ended more than a day ago are dropped.
 */
public final class SilenceStore {
    static final Duration RETENTION = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(SilenceStore.class);
    private static final Silence[] NONE = new Silence[0];

    private final SilenceFile file;
    private final InstantSource clock;
    private volatile Silence[] silences;

    private SilenceStore(SilenceFile file, InstantSource clock, Silence[] loaded) {
        this.file = file;
        this.clock = clock;
        this.silences = loaded;
    }

    /**
     * Loads the silences saved in {@code path}. A damaged file is logged, moved aside as
     * {@code <name>.corrupt-<epoch millis>} and reported to {@code loadFailed}; the store then starts empty
     * rather than keep the daemon from starting.
     */
    public static SilenceStore open(Path path, InstantSource clock, Runnable loadFailed) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        SilenceFile file = new SilenceFile(path);
        Silence[] loaded;
        try {
            loaded = file.read().toArray(NONE);
        } catch (IllegalArgumentException e) {
            Path aside = path.resolveSibling(path.getFileName() + ".corrupt-" + clock.millis());
            Files.move(path, aside);
            loadFailed.run();
            LOG.error("Silences file {} is damaged ({}); moved it to {} and starting with no silences",
                    path, e.getMessage(), aside);
            loaded = NONE;
        }
        return new SilenceStore(file, clock, loaded);
    }

    /**
     * Adds a silence and saves it; returns it with its new id.
     *
     * @throws IllegalArgumentException when the draft is not a valid silence (the message says why)
     * @throws UncheckedIOException     when it could not be saved; it is then not in effect either
     */
    public synchronized Silence add(SilenceDraft draft) {
        Instant now = clock.instant();
        draft.checkTimes(now);
        Silence silence = new Silence(UUID.randomUUID().toString(), draft.parsedMatchers(), draft.startOr(now),
                draft.endsAt(), draft.createdBy(), draft.comment());
        List<Silence> next = kept(now);
        next.add(silence);
        save(next);
        return silence;
    }

    /** Ends a silence now; false when there is no silence with this id. */
    public synchronized boolean expire(String id) {
        Instant now = clock.instant();
        List<Silence> next = kept(now);
        for (int i = 0; i < next.size(); i++) {
            Silence silence = next.get(i);
            if (silence.id().equals(id)) {
                if (silence.state(now) != SilenceState.EXPIRED) {
                    next.set(i, silence.endingAt(now));
                    save(next);
                }
                return true;
            }
        }
        return false;
    }

    /** Every silence kept, oldest first. */
    public List<Silence> list() {
        return List.of(silences);
    }

    public Optional<Silence> find(String id) {
        return Arrays.stream(silences).filter(s -> s.id().equals(id)).findFirst();
    }

    /** The first silence muting an alert with these labels at {@code now}. */
    public Optional<Silence> silencing(Map<String, String> labels, Instant now) {
        for (Silence silence : silences) {
            if (silence.mutes(labels, now)) {
                return Optional.of(silence);
            }
        }
        return Optional.empty();
    }

    public long count(SilenceState state, Instant now) {
        return Arrays.stream(silences).filter(s -> s.state(now) == state).count();
    }

    public InstantSource clock() {
        return clock;
    }

    private List<Silence> kept(Instant now) {
        Instant horizon = now.minus(RETENTION);
        List<Silence> kept = new ArrayList<>();
        for (Silence silence : silences) {
            if (silence.endsAt().isAfter(horizon)) {
                kept.add(silence);
            }
        }
        return kept;
    }

    private void save(List<Silence> next) {
        try {
            file.write(next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the silences to " + file.path() + ": " + e.getMessage(), e);
        }
        silences = next.toArray(NONE);
    }
}
