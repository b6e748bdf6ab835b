package io.seismo.rules.engine;

import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.time.Watermark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules' part of a snapshot: per rule its identity, then its state as a section of its own. On
 * restore a rule gets the state saved under its identity; a rule the snapshot does not know, or knows with
 * another definition, starts empty on the running schedule; a saved rule that is gone is skipped unread.
 * That is what lets a reload ({@code next.restore(current.snapshot())}) keep the windows of unchanged rules.
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
        for (int i = 0; i < count; i++) {
            String name = in.readString("rule name");
            String fingerprint = in.readString("rule fingerprint");
            StateInput saved = in.readSection("rule state");
            if (!savedNames.add(name)) {
                throw new CorruptStateException("rule '" + name + "' is saved twice");
            }
            ScheduledDetector scheduled = byName.get(name);
            if (scheduled != null && scheduled.identity().fingerprint().equals(fingerprint)) {
                try {
                    parts.add(scheduled.readState(saved, watermark));
                    saved.expectEnd("the state");
                } catch (CorruptStateException e) {
                    throw e.within("rule '" + name + "'");
                }
                restored.add(scheduled);
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
}
