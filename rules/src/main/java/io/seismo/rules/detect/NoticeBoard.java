package io.seismo.rules.detect;

import io.seismo.rules.finding.Evidence;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Findings about a moment rather than a state (a value seen for the first time, a value that changed):
 * each notice fires at the first boundary after it happened and resolves at the next one, so alerting sees
 * one short alert per notice. At most {@code maxPending} notices wait at a time; the caller counts the rest.
 * A notice's finding key is the rule's key and the value, and its labels carry {@code value} (and
 * {@code previous} for a change), so two notices for one key are two alerts. A notice without a value
 * (a sequence match) is about the key alone. A notice already waiting is not queued twice.
 */
final class NoticeBoard {
    private static final int MIN_SAVED_BYTES = StateInput.MIN_STRING_BYTES + 4 * StateInput.MIN_NULLABLE_STRING_BYTES
            + Long.BYTES;

    /**
     * Something that happened to {@code key} at {@code atNanos}; {@code value} is null when the key says it
     * all, {@code previous} null but for a change.
     */
    record Notice(String key, String value, String previous, long atNanos, String message, String traceId) {
        String findingKey() {
            return value == null ? key : key + "/" + value;
        }

        void writeTo(StateOutput out) {
            out.writeString(key);
            out.writeString(value);
            out.writeString(previous);
            out.writeLong(atNanos);
            out.writeString(message);
            out.writeString(traceId);
        }

        static Notice readFrom(StateInput in) {
            return new Notice(in.readString("notice key"), in.readNullableString("notice value"),
                    in.readNullableString("previous value"), in.readTime("notice time"),
                    in.readNullableString("notice message"), in.readNullableString("notice trace id"));
        }
    }

    private final KeyedWindowFiring.About about;
    private final int maxPending;
    private final List<Notice> pending = new ArrayList<>();
    private final List<Notice> shown = new ArrayList<>();
    private final Set<String> pendingKeys = new HashSet<>();

    NoticeBoard(KeyedWindowFiring.About about, int maxPending) {
        this.about = about;
        this.maxPending = maxPending;
    }

    /** Queues a notice; false when {@code maxPending} are already waiting. */
    boolean post(Notice notice) {
        if (pendingKeys.contains(notice.findingKey())) {
            return true;
        }
        if (pending.size() >= maxPending) {
            return false;
        }
        pending.add(notice);
        pendingKeys.add(notice.findingKey());
        return true;
    }

    /** Resolves what was shown at the last boundary, then fires what happened before this one. */
    void evaluate(long boundaryNanos, List<Finding> round) {
        for (Notice notice : shown) {
            round.add(finding(notice, false, boundaryNanos));
        }
        shown.clear();
        Iterator<Notice> waiting = pending.iterator();
        while (waiting.hasNext()) {
            Notice notice = waiting.next();
            if (notice.atNanos() < boundaryNanos) {
                round.add(finding(notice, true, boundaryNanos));
                shown.add(notice);
                pendingKeys.remove(notice.findingKey());
                waiting.remove();
            }
        }
    }

    boolean isIdle() {
        return pending.isEmpty() && shown.isEmpty();
    }

    void writeTo(StateOutput out) {
        writeList(out, pending);
        writeList(out, shown);
    }

    StagedRestore readState(StateInput in) {
        List<Notice> savedPending = readList(in, "pending notices");
        List<Notice> savedShown = readList(in, "shown notices");
        return () -> {
            pending.clear();
            pending.addAll(savedPending);
            pendingKeys.clear();
            savedPending.forEach(notice -> pendingKeys.add(notice.findingKey()));
            shown.clear();
            shown.addAll(savedShown);
        };
    }

    private static void writeList(StateOutput out, List<Notice> notices) {
        out.writeInt(notices.size());
        notices.forEach(notice -> notice.writeTo(out));
    }

    private List<Notice> readList(StateInput in, String what) {
        int count = in.readCount(what, maxPending, MIN_SAVED_BYTES);
        List<Notice> notices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            notices.add(Notice.readFrom(in));
        }
        return notices;
    }

    private Finding finding(Notice notice, boolean firing, long boundaryNanos) {
        Map<String, String> labels = FindingLabels.of(about.ruleName(), about.keyLabel(), notice.key(), about.labels());
        if (notice.value() != null) {
            labels.put("value", notice.value());
        }
        if (notice.previous() != null) {
            labels.put("previous", notice.previous());
        }
        Evidence evidence = new Evidence(notice.message() == null ? List.of() : List.of(notice.message()),
                notice.traceId() == null ? List.of() : List.of(notice.traceId()));
        return new Finding(about.ruleName(), FindingKind.THRESHOLD, notice.findingKey(), firing,
                about.severity(), boundaryNanos, notice.atNanos(), boundaryNanos, labels, Map.of(),
                about.conditionText(), evidence, null);
    }
}
