package io.seismo.rules.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index finds what a HashMap finds through growth, removals from the middle of probe runs, and keys whose
 * hashes are equal ("Aa" and "BB" hash alike, and so do all their concatenations).
 */
class SlotIndexTest {
    private final SlotIndex index = new SlotIndex();
    private final SnapshotEntry[] entries = new SnapshotEntry[4_096];

    @Test
    void shouldFindWhatAHashMapFindsThroughGrowthRemovalsAndEqualHashes() {
        Map<String, Integer> model = new HashMap<>();
        List<Integer> freeSlots = new ArrayList<>();
        for (int slot = entries.length - 1; slot >= 0; slot--) {
            freeSlots.add(slot);
        }
        Random random = new Random(3);
        List<String> keys = keys();
        for (int step = 0; step < 200_000; step++) {
            String key = keys.get(random.nextInt(keys.size()));
            Integer slot = model.get(key);
            assertThat(index.find(key, entries)).as("step %d, key %s", step, key)
                    .isEqualTo(slot == null ? SlotIndex.NONE : slot);
            // Mostly adds until about a thousand keys are in, then as many removals as adds.
            boolean add = model.size() < 1_000 ? random.nextInt(4) > 0 : random.nextBoolean();
            if (slot == null && add) {
                int free = freeSlots.remove(freeSlots.size() - 1);
                entries[free] = new AccessOrderMapTest.Counter(key, 0);
                index.add(key.hashCode(), free);
                model.put(key, free);
            } else if (slot != null && !add) {
                index.remove(key.hashCode(), slot);
                entries[slot] = null;
                freeSlots.add(slot);
                model.remove(key);
            }
            assertThat(index.size()).isEqualTo(model.size());
        }
        for (Map.Entry<String, Integer> filed : model.entrySet()) {
            assertThat(index.find(filed.getKey(), entries)).isEqualTo(filed.getValue());
        }
        assertThat(model.size()).as("enough keys in to have grown several times").isGreaterThan(500);
    }

    @Test
    void shouldRefuseToRemoveASlotItDoesNotHold() {
        entries[0] = new AccessOrderMapTest.Counter("a", 0);
        index.add("a".hashCode(), 0);

        assertThatThrownBy(() -> index.remove("a".hashCode(), 1)).isInstanceOf(IllegalStateException.class);
        index.clear();
        assertThat(index.find("a", entries)).isEqualTo(SlotIndex.NONE);
        assertThat(index.size()).isZero();
    }

    /** 1,500 ordinary keys and 1,024 that share one hash. */
    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            keys.add("user-" + i);
        }
        for (int bits = 0; bits < 1_024; bits++) {
            StringBuilder key = new StringBuilder();
            for (int b = 0; b < 10; b++) {
                key.append((bits >> b & 1) == 0 ? "Aa" : "BB");
            }
            keys.add(key.toString());
        }
        assertThat(keys.get(1_500).hashCode()).isEqualTo(keys.get(keys.size() - 1).hashCode());
        return keys;
    }
}
