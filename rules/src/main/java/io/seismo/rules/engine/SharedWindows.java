package io.seismo.rules.engine;

import io.seismo.rules.detect.Detector;
import io.seismo.rules.detect.DetectorLimits;
import io.seismo.rules.detect.ThresholdDetector;
import io.seismo.rules.dsl.RuleDefinition;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.dsl.ThresholdDefinition;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The threshold rules of a rule set that count the same events by the same keys over the same window, with the
 * same late policy (a warning and a critical level on one {@code where}, say), and one detector for each such
 * set: the windows are kept once and each event's key is looked up once for all of them. At most 64 rules share
 * one detector (a key records their conditions as the bits of a long); more start another. A rule that could
 * share but counts what no other does gets its detector here too, with its id, so that it can take over windows
 * it shared before a reload.
 */
final class SharedWindows {
    private final Map<RuleDefinition, Detector> detectors = new IdentityHashMap<>();
    private final Map<RuleDefinition, RuleIdentity> identities = new IdentityHashMap<>();
    private final List<List<String>> groups = new ArrayList<>();

    private SharedWindows() {
    }

    static SharedWindows of(RuleSet rules, DetectorLimits limits) {
        Map<String, List<List<ThresholdDefinition>>> byWhatTheyCount = new LinkedHashMap<>();
        for (RuleDefinition rule : rules.rules()) {
            String sharingKey = rule instanceof ThresholdDefinition threshold ? threshold.windowSharingKey() : null;
            if (sharingKey != null) {
                String counts = sharingKey + "\nlate events " + rules.latePolicy(rule);
                List<List<ThresholdDefinition>> sets = byWhatTheyCount.computeIfAbsent(counts, k -> new ArrayList<>());
                if (sets.isEmpty() || sets.get(sets.size() - 1).size() == Long.SIZE) {
                    sets.add(new ArrayList<>());
                }
                sets.get(sets.size() - 1).add((ThresholdDefinition) rule);
            }
        }
        SharedWindows shared = new SharedWindows();
        byWhatTheyCount.forEach((counts, sets) -> {
            for (int part = 0; part < sets.size(); part++) {
                List<ThresholdDefinition> set = sets.get(part);
                // A rule alone keeps its own identity, and its ids let it take over windows it shared before.
                shared.add(set, set.size() == 1 ? RuleIdentity.of(set.get(0))
                        : RuleIdentity.ofSharedWindows(counts + "\npart " + part), limits);
            }
        });
        return shared;
    }

    private void add(List<ThresholdDefinition> rules, RuleIdentity windows, DetectorLimits limits) {
        List<String> ids = rules.stream().map(rule -> RuleIdentity.of(rule).id()).toList();
        ThresholdDetector detector = ThresholdDetector.sharedBy(rules, ids, limits);
        for (int i = 0; i < rules.size(); i++) {
            ThresholdDefinition rule = rules.get(i);
            detectors.put(rule, detector.rule(i));
            // The windows are saved with the first rule, under their own identity; the others save nothing.
            identities.put(rule, i == 0 ? windows : RuleIdentity.of(rule).sharingWindows());
        }
        if (rules.size() > 1) {
            groups.add(rules.stream().map(ThresholdDefinition::name).toList());
        }
    }

    /** Whether {@code rule} is a threshold whose windows could be shared (alone or not, its detector is here). */
    boolean has(RuleDefinition rule) {
        return detectors.containsKey(rule);
    }

    Detector detectorFor(RuleDefinition rule) {
        return detectors.get(rule);
    }

    RuleIdentity identityOf(RuleDefinition rule) {
        return identities.get(rule);
    }

    /** The names of each set of rules sharing windows, in rule order. */
    List<List<String>> groups() {
        return List.copyOf(groups);
    }
}
