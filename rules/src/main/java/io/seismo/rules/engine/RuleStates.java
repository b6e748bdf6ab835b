package io.seismo.rules.engine;

import io.seismo.rules.detect.ThresholdDetector;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.time.Watermark;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rules' part of a snapshot: per rule its identity, then its state as a section of its own. On
 * restore a rule gets the state saved under its identity; a rule the snapshot does not know, or knows with
 * another definition, starts empty on the running schedule; a saved rule that is gone is skipped unread.
 * That is what lets a reload ({@code next.restore(current.snapshot())}) keep the windows of unchanged rules.
 * Threshold windows are the exception: rules that count the same events share them, and windows saved alone or
 * shared are taken over by the rules that count the same now, whichever of them share (see {@link #adopt}).
 */
final class RuleStates {
    private final List<ScheduledDetector> detectors;
    private final Map<String, ScheduledDetector> byName = new HashMap<>();
    // Reused by every snapshot: a section's length is only known once it has been written.
    private final StateOutput section = new StateOutput(4 * 1024);

    RuleStates(List<ScheduledDetector> detectors) {
        this.detectors = List.copyOf(detectors);
        this.detectors.forEach(scheduled -> byName.put(scheduled.identity().name(), scheduled));
    }

    void writeTo(StateOutput out) {
        out.writeInt(detectors.size());
        for (ScheduledDetector scheduled : detectors) {
            out.writeString(scheduled.identity().name());
            out.writeString(scheduled.identity().fingerprint());
            section.reset();
            scheduled.writeTo(section);
            out.writeSection(section);
        }
    }

    List<StagedRestore> readFrom(StateInput in, Watermark.Saved watermark) {
        int count = in.readCount("rules", 2 * StateInput.MIN_STRING_BYTES + Integer.BYTES);
        Set<String> savedNames = new HashSet<>();
        Set<ScheduledDetector> restored = new HashSet<>();
        List<StagedRestore> parts = new ArrayList<>();
        List<Saved> unclaimed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = in.readString("rule name");
            String fingerprint = in.readString("rule fingerprint");
            StateInput saved = in.readSection("rule state");
            if (!savedNames.add(name)) {
                throw new CorruptStateException("rule '" + name + "' is saved twice");
            }
            ScheduledDetector scheduled = byName.get(name);
            if (scheduled != null && scheduled.identity().fingerprint().equals(fingerprint)) {
                parts.add(restore(name, saved, () -> scheduled.readState(saved, watermark)));
                restored.add(scheduled);
            } else {
                unclaimed.add(new Saved(new RuleIdentity(name, fingerprint), saved));
            }
        }
        for (ScheduledDetector scheduled : detectors) {
            if (!restored.contains(scheduled) && scheduled.detector() instanceof ThresholdDetector windows
                    && !windows.ruleIds().isEmpty()) {
                StagedRestore adopted = adopt(scheduled, windows, unclaimed, watermark);
                if (adopted != null) {
                    parts.add(adopted);
                    restored.add(scheduled);
                }
            }
        }
        for (ScheduledDetector scheduled : detectors) {
            if (!restored.contains(scheduled) && watermark.started()) {
                // Joins the running schedule at the first boundary ahead, as if the engine had just started.
                parts.add(() -> scheduled.start(watermark.watermarkNanos()));
            }
        }
        return parts;
    }

    /**
     * Windows of threshold rules that counted what {@code windows} counts, saved under another identity, since a
     * reload made rules share windows or stop sharing them (or the snapshot predates sharing): the first saved
     * state of one of its rules, alone or shared, is taken over; null when there is none.
     */
    private static StagedRestore adopt(ScheduledDetector scheduled, ThresholdDetector windows, List<Saved> unclaimed,
                                       Watermark.Saved watermark) {
        for (Iterator<Saved> candidates = unclaimed.iterator(); candidates.hasNext(); ) {
            Saved saved = candidates.next();
            String name = saved.identity().name();
            if (saved.identity().isSharedWindows()) {
                List<String> ids;
                try {
                    ids = ThresholdDetector.savedRuleIds(ScheduledDetector.detectorPart(saved.state()));
                } catch (CorruptStateException e) {
                    throw e.within("rule '" + name + "'");
                }
                if (!Collections.disjoint(ids, windows.ruleIds())) {
                    candidates.remove();
                    return restore(name, saved.state(),
                            () -> scheduled.readState(saved.state(), watermark, windows::adoptShared));
                }
            } else {
                int rule = windows.ruleIds().indexOf(saved.identity().id());
                if (rule >= 0) {
                    candidates.remove();
                    return restore(name, saved.state(),
                            () -> scheduled.readState(saved.state(), watermark, in -> windows.adoptFromOne(in, rule)));
                }
            }
        }
        return null;
    }

    /** Reads all of a saved rule's state with {@code reader}, or says whose state is corrupt. */
    private static StagedRestore restore(String name, StateInput state, Supplier<StagedRestore> reader) {
        try {
            StagedRestore restore = reader.get();
            state.expectEnd("the state");
            return restore;
        } catch (CorruptStateException e) {
            throw e.within("rule '" + name + "'");
        }
    }

    /** A rule's saved state that no rule of the same identity took. */
    private record Saved(RuleIdentity identity, StateInput state) {
    }
}
