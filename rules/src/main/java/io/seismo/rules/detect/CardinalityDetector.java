package io.seismo.rules.detect;

import io.seismo.rules.dsl.CardinalityDefinition;
import io.seismo.rules.dsl.CardinalityView;
import io.seismo.rules.dsl.ViewCondition;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Evidence;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.WindowSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A cardinality rule: per key, the distinct values of each window bucket (exact, so a sliding window is
 * the union of its buckets). Bounded three times: at most {@code maxDistinct} values per bucket and per
 * window (beyond that the count stops and {@code capped} is set), buckets only as long as a window still
 * to come covers them, and the engine's keys per rule (least recently used evicted, resolved if firing).
 * A late event counts while its bucket is kept; an older one is counted as too late.
 */
public final class CardinalityDetector implements Detector {
    private static final long NOTHING_RETAINED = Long.MIN_VALUE;

    /** One bucket of a key. Mutable, confined to the engine's thread. */
    private static final class Bucket {
        final Set<String> values = new LinkedHashSet<>();
        long events;
        boolean capped;
    }

    /** One key. Mutable, confined to the engine's thread. */
    private static final class Key {
        final TreeMap<Long, Bucket> buckets = new TreeMap<>();
        EvidenceSamples samples = new EvidenceSamples();
        boolean firing;
    }

    private final CardinalityDefinition rule;
    private final DetectorLimits limits;
    private final ValueSelector selector;
    private final ViewCondition<CardinalityView> condition;
    private final KeyTable<Key> keys;
    private final EvictedFiringKeys evictedWhileFiring;
    private final long bucketNanos;
    private final Set<String> union = new HashSet<>();
    private final String keyLabel;
    private long firstRetainedBucket = NOTHING_RETAINED;
    private long conditionErrors;
    private long eventsTooLate;

    public CardinalityDetector(CardinalityDefinition rule, DetectorLimits limits) {
        this.rule = rule;
        this.limits = limits;
        this.selector = new ValueSelector(new EventSelector(rule.newMatcher(limits.eventView()), rule.newKeyer(limits.eventView())), rule.newDistinctOf(limits.eventView()));
        this.condition = rule.newCondition();
        this.bucketNanos = rule.window().bucketNanos();
        this.keyLabel = rule.groupsByService() ? "service" : "key";
        this.evictedWhileFiring = new EvictedFiringKeys(limits.maxKeys());
        this.keys = new KeyTable<>(limits.maxKeys(), (key, state) -> {
            if (state.firing) {
                evictedWhileFiring.add(key, state.samples.evidence());
            }
        });
    }

    @Override
    public String ruleName() {
        return rule.name();
    }

    @Override
    public WindowSpec window() {
        return rule.window();
    }

    @Override
    public void onEvent(Event event, long eventNanos) {
        if (!selector.select(event)) {
            return;
        }
        long bucketIndex = Math.floorDiv(eventNanos, bucketNanos);
        if (bucketIndex < firstRetainedBucket) {
            eventsTooLate++;
            return;
        }
        Key state = keys.touch(selector.key(), created -> new Key());
        Bucket bucket = state.buckets.computeIfAbsent(bucketIndex, index -> new Bucket());
        bucket.events++;
        if (bucket.values.size() < rule.maxDistinct()) {
            bucket.values.add(selector.value());
        } else if (!bucket.values.contains(selector.value())) {
            bucket.capped = true;
        }
        state.samples.add(event.getMessage(), event.getTraceId(), limits);
    }

    @Override
    public void evaluate(long boundaryNanos, List<Finding> round) {
        evictedWhileFiring.drain((key, evidence) -> round.add(finding(key, false, boundaryNanos, Map.of(), evidence)));
        long from = Math.floorDiv(boundaryNanos - rule.window().sizeNanos(), bucketNanos);
        long to = Math.floorDiv(boundaryNanos, bucketNanos);
        keys.sweep((key, state) -> {
            union.clear();
            long events = 0;
            boolean capped = false;
            for (Bucket bucket : state.buckets.subMap(from, to).values()) {
                events += bucket.events;
                capped |= bucket.capped;
                for (String value : bucket.values) {
                    if (union.size() < rule.maxDistinct()) {
                        union.add(value);
                    } else if (!union.contains(value)) {
                        capped = true;
                    }
                }
            }
            boolean holds;
            try {
                condition.view().show(union.size(), events, capped);
                holds = condition.holds();
            } catch (Exception e) {
                conditionErrors++;
                return true;
            }
            if (holds != state.firing) {
                state.firing = holds;
                round.add(finding(key, holds, boundaryNanos, Map.of("distinct", (double) union.size(),
                        "count", (double) events, "capped", capped ? 1.0 : 0.0), state.samples.evidence()));
            }
            return true;
        });
        union.clear();
    }

    @Override
    public void retainFrom(long nextBoundaryNanos) {
        firstRetainedBucket = Math.floorDiv(nextBoundaryNanos - rule.window().sizeNanos(), bucketNanos);
        keys.sweep((key, state) -> {
            state.buckets.headMap(firstRetainedBucket).clear();
            if (state.buckets.isEmpty() && !state.firing) {
                return false;
            }
            if (state.buckets.isEmpty()) {
                state.samples = new EvidenceSamples(); // what fired is gone; keep evidence from what comes next
            }
            return true;
        });
    }

    @Override
    public boolean isIdle() {
        return keys.isEmpty() && evictedWhileFiring.isEmpty();
    }

    @Override
    public long ruleErrors() {
        return selector.ruleErrors() + conditionErrors;
    }

    @Override
    public long keysEvicted() {
        return keys.evictions();
    }

    @Override
    public long eventsTooLate() {
        return eventsTooLate;
    }

    @Override
    public void writeState(StateOutput out) {
        selector.writeCounters(out);
        out.writeLong(conditionErrors);
        out.writeLong(eventsTooLate);
        out.writeLong(firstRetainedBucket);
        evictedWhileFiring.writeTo(out);
        keys.writeTo(out, (to, state) -> {
            to.writeBoolean(state.firing);
            state.samples.writeTo(to);
            to.writeInt(state.buckets.size());
            state.buckets.forEach((index, bucket) -> {
                to.writeLong(index);
                to.writeLong(bucket.events);
                to.writeBoolean(bucket.capped);
                to.writeStrings(new ArrayList<>(bucket.values));
            });
        });
    }

    @Override
    public StagedRestore readState(StateInput in) {
        StagedRestore restoreSelector = selector.readCounters(in);
        long savedConditionErrors = in.readCounter("condition errors");
        long savedTooLate = in.readCounter("events too late");
        long savedFirstRetained = in.readTimeOr(NOTHING_RETAINED, "first retained bucket");
        StagedRestore restoreEvicted = evictedWhileFiring.readState(in);
        StagedRestore restoreKeys = keys.readState(in, 1 + EvidenceSamples.MIN_SAVED_BYTES + Integer.BYTES, this::readKey);
        return () -> {
            restoreSelector.apply();
            conditionErrors = savedConditionErrors;
            eventsTooLate = savedTooLate;
            firstRetainedBucket = savedFirstRetained;
            restoreEvicted.apply();
            restoreKeys.apply();
        };
    }

    private Key readKey(StateInput in) {
        Key state = new Key();
        state.firing = in.readBoolean("whether the key fires");
        state.samples = EvidenceSamples.readFrom(in, limits);
        int count = in.readCount("buckets", 2 * Long.BYTES + 1 + Integer.BYTES);
        for (int i = 0; i < count; i++) {
            long index = in.readTime("bucket");
            Bucket bucket = new Bucket();
            bucket.events = in.readCounter("bucket events");
            bucket.capped = in.readBoolean("whether the bucket is capped");
            List<String> values = in.readStrings("distinct values");
            if (values.size() > rule.maxDistinct()) {
                throw new CorruptStateException("a bucket holds " + values.size() + " values, more than maxDistinct");
            }
            bucket.values.addAll(values);
            state.buckets.put(index, bucket);
        }
        return state;
    }

    private Finding finding(String key, boolean firing, long boundaryNanos, Map<String, Double> values, Evidence evidence) {
        return new Finding(rule.name(), FindingKind.THRESHOLD, key, firing, rule.severity(), boundaryNanos,
                boundaryNanos - rule.window().sizeNanos(), boundaryNanos,
                FindingLabels.of(rule.name(), keyLabel, key, rule.labels()), values, rule.conditionText(), evidence, null);
    }
}
