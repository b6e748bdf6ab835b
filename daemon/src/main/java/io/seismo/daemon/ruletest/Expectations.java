package io.seismo.daemon.ruletest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.seismo.rules.finding.Finding;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a user expects a replay to fire, read from YAML, and the check of a replay against it:
 *
 * <pre>
 * exhaustive: true          # every firing must be covered by an entry below (default false)
 * expect:
 *   - rule: ssh-failed-password
 *     key: 183.62.140.253   # optional: one key of the rule
 *     labels: {team: sec}   # optional: labels the finding must carry
 *     exactly: 1            # or atLeast: N (default: at least 1); exactly: 0 says it must not fire
 * </pre>
 */
public final class Expectations {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_KEYS = Set.of("exhaustive", "expect");
    private static final Set<String> ENTRY_KEYS = Set.of("rule", "key", "labels", "exactly", "atLeast");

    private final boolean exhaustive;
    private final List<Expectation> entries;

    public Expectations(boolean exhaustive, List<Expectation> entries) {
        this.exhaustive = exhaustive;
        this.entries = List.copyOf(entries);
    }

    /** @throws IllegalArgumentException naming the file and the entry when the file is not a valid one */
    public static Expectations read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the expectations: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a map with 'expect:' (a list of rules)");
        }
        unknownKeys(file, "", root, TOP_KEYS);
        JsonNode list = root.path("expect");
        if (!list.isArray()) {
            throw new IllegalArgumentException(file + ": 'expect' must be a list");
        }
        List<Expectation> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            entries.add(entry(file, "expect[" + i + "]", list.get(i)));
        }
        return new Expectations(root.path("exhaustive").asBoolean(false), entries);
    }

    /** Every unmet expectation and every uncovered firing (when exhaustive), in words; empty when all hold. */
    public List<String> failures(ReplayResult result) {
        List<String> failures = new ArrayList<>();
        for (Expectation expectation : entries) {
            long firings = result.transitions().stream().filter(Finding::firing).filter(expectation::covers).count();
            if (!expectation.isMetBy(firings)) {
                failures.add("expected " + expectation.describe() + ", it fired " + firings + " time(s)");
            }
        }
        if (exhaustive) {
            result.transitions().stream().filter(Finding::firing)
                    .filter(finding -> entries.stream().noneMatch(e -> e.covers(finding)))
                    .forEach(finding -> failures.add("unexpected firing: " + finding.ruleName() + " ["
                            + finding.key() + "] at " + Instant.ofEpochSecond(0, finding.atNanos())));
        }
        return failures;
    }

    private static Expectation entry(Path file, String where, JsonNode node) {
        if (!node.isObject() || !node.path("rule").isTextual()) {
            throw new IllegalArgumentException(file + ": " + where + " needs 'rule: <name>'");
        }
        unknownKeys(file, where + ".", node, ENTRY_KEYS);
        if (node.has("exactly") && node.has("atLeast")) {
            throw new IllegalArgumentException(file + ": " + where + " has both 'exactly' and 'atLeast'");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        node.path("labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
        return new Expectation(node.get("rule").asText(),
                node.hasNonNull("key") ? node.get("key").asText() : null, labels,
                count(file, where + ".exactly", node.get("exactly")), count(file, where + ".atLeast", node.get("atLeast")));
    }

    private static OptionalLong count(Path file, String where, JsonNode node) {
        if (node == null) {
            return OptionalLong.empty();
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
            throw new IllegalArgumentException(file + ": " + where + " must be a whole number >= 0, got " + node);
        }
        return OptionalLong.of(node.asLong());
    }

    private static void unknownKeys(Path file, String prefix, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(file + ": unknown key '" + prefix + name + "' (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }
}
