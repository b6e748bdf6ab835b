package io.seismo.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.util.List;

/**
 * The snapshot promise for one rule kind: an engine snapshotted after {@code cut} events and restored into a
 * fresh engine reports, for the rest of the stream, exactly what the uninterrupted engine reports.
 */
final class RestoreCheck {
    private RestoreCheck() {
    }

    /** Runs the check and returns the uninterrupted engine's findings, for the caller's own expectations. */
    static List<Finding> findingsSurviveARestore(RuleSet rules, EngineOptions options, List<SyntheticEvent> stream, int cut) {
        VirtualTimeDriver reference = new VirtualTimeDriver(rules, options).feedAll(stream);
        VirtualTimeDriver before = new VirtualTimeDriver(rules, options).feedAll(stream.subList(0, cut));
        EngineSnapshot snapshot = EngineSnapshot.fromBytes(before.engine().snapshot().toBytes());
        VirtualTimeDriver after = new VirtualTimeDriver(rules, options);
        after.engine().restore(snapshot);
        after.feedAll(stream.subList(cut, stream.size()));

        List<Finding> all = reference.findings();
        int split = before.findings().size();
        assertThat(before.findings()).containsExactlyElementsOf(all.subList(0, split));
        assertThat(after.findings()).as("findings after the restore").containsExactlyElementsOf(all.subList(split, all.size()));
        assertThat(after.engine().ruleErrors()).isEqualTo(reference.engine().ruleErrors());
        assertThat(after.engine().keysEvicted()).isEqualTo(reference.engine().keysEvicted());
        assertThat(after.engine().eventsTooLateForWindows()).isEqualTo(reference.engine().eventsTooLateForWindows());
        return all;
    }
}
