package io.seismo.tests.durability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The journal's side of "exactly once": how often each sequence number 0 … expected-1 was journaled.
 * {@link #problems()} names the missing and the repeated numbers, in ranges, so a failure says what broke.
 */
record SequenceLedger(Map<Long, Integer> counts, long expected) {
    private static final int SHOWN = 40;

    SequenceLedger {
        counts = Map.copyOf(counts);
    }

    long distinct() {
        return counts.keySet().stream().filter(seq -> seq < expected).count();
    }

    List<Long> missing() {
        List<Long> missing = new ArrayList<>();
        for (long seq = 0; seq < expected; seq++) {
            if (!counts.containsKey(seq)) {
                missing.add(seq);
            }
        }
        return missing;
    }

    Map<Long, Integer> repeated() {
        return counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    List<Long> unexpected() {
        return counts.keySet().stream().filter(seq -> seq >= expected).sorted().toList();
    }

    /** Empty when every number appears exactly once and no other number appears. */
    String problems() {
        StringBuilder out = new StringBuilder();
        List<Long> missing = missing();
        if (!missing.isEmpty()) {
            out.append(missing.size()).append(" sequence numbers never journaled: ").append(ranges(missing)).append('\n');
        }
        Map<Long, Integer> repeated = repeated();
        if (!repeated.isEmpty()) {
            out.append(repeated.size()).append(" sequence numbers journaled more than once (seq=times): ")
                    .append(repeated.entrySet().stream().limit(SHOWN).map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append(repeated.size() > SHOWN ? ", …" : "").append('\n');
        }
        List<Long> unexpected = unexpected();
        if (!unexpected.isEmpty()) {
            out.append("sequence numbers beyond the ").append(expected).append(" written: ").append(ranges(unexpected)).append('\n');
        }
        return out.toString();
    }

    /** 3, 4, 5, 9 → "3-5, 9", cut after a few dozen ranges. */
    private static String ranges(List<Long> sorted) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < sorted.size() && parts.size() < SHOWN) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            parts.add(i == j ? String.valueOf(sorted.get(i)) : sorted.get(i) + "-" + sorted.get(j));
            i = j + 1;
        }
        return String.join(", ", parts) + (i < sorted.size() ? ", …" : "");
    }
}
