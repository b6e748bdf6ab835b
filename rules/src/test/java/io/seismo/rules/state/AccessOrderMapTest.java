package io.seismo.rules.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Access order as an access-ordered LinkedHashMap keeps it, and a snapshot written in slices that holds the
 * entries' values and order of the moment it began, inside a section whose length is only known at the end.
 */
class AccessOrderMapTest {
    private final AccessOrderMap<Counter> map = new AccessOrderMap<>();

    @Test
    void shouldKeepEntriesOldestFirstByTheirLastUse() {
        Counter a = put("a", 1);
        Counter b = put("b", 2);
        put("c", 3);

        assertThat(map.get("a")).isSameAs(a);
        assertThat(map.get("missing")).isNull();
        map.remove(b);

        assertThat(order()).containsExactly("c", "a");
        assertThat(map.size()).isEqualTo(2);
        assertThatThrownBy(() -> map.put(new Counter("c", 9))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldFindAnEntryByTheCharactersOfItsKey() {
        Random random = new Random(9);
        List<Counter> counters = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder key = new StringBuilder();
            for (int c = random.nextInt(40); c > 0; c--) {
                // ASCII, Latin-1 and CJK: the characters hash as their String does, whatever they are.
                key.append((char) switch (random.nextInt(3)) {
                    case 0 -> 0x21 + random.nextInt(0x5E);
                    case 1 -> 0x80 + random.nextInt(0x80);
                    default -> 0x4E00 + random.nextInt(100);
                });
            }
            if (map.get(key.toString()) == null) {
                counters.add(put(key.toString(), i));
            }
        }

        for (Counter counter : counters) {
            assertThat(map.get(new StringBuilder(counter.mapKey()))).isSameAs(counter);
            assertThat(map.get(new StringBuilder(counter.mapKey()).append('x'))).isNull();
        }
    }

    @Test
    void shouldKeepTheOrderOfAnAccessOrderedLinkedHashMapThroughGrowthAndReusedSlots() {
        Map<String, Counter> model = new LinkedHashMap<>(16, 0.75f, true);
        Random random = new Random(42);
        for (int step = 0; step < 20_000; step++) {
            String key = "k" + random.nextInt(300);
            int action = random.nextInt(3);
            if (action == 0 && model.containsKey(key)) {
                map.remove(model.remove(key));
            } else if (model.containsKey(key)) {
                assertThat(map.get(key)).isSameAs(model.get(key));
            } else {
                Counter counter = new Counter(key, step);
                map.put(counter);
                model.put(key, counter);
            }
        }

        assertThat(order()).containsExactlyElementsOf(model.keySet());
        assertThat(map.size()).isEqualTo(model.size());
    }

    @Test
    void shouldWriteTheEntriesAsTheyWereWhenTheSnapshotBegan() throws IOException {
        Counter a = put("a", 1);
        Counter b = put("b", 2);
        Counter c = put("c", 3);
        Counter d = put("d", 4);
        Counter e = put("e", 5);
        StateOutput whole = new StateOutput(4);
        StateOutput section = new StateOutput(4);
        whole.writeInt(7);
        section.writeLong(99);
        map.writeTo(section, (counter, out) -> out.writeLong(counter.value));
        section.writeBoolean(true);
        whole.writeSection(section);
        section.reset(); // reusable at once: the whole output took over its pieces
        whole.writeInt(8);
        DeferredState part = whole.deferredParts().get(0);

        assertThat(part.saveMore(1)).isFalse(); // a
        map.get("c").value = 30;               // moved to the newest end: saved first
        map.beforeChange(b);
        b.value = 20;                          // changed in place: saved first
        map.remove(d);                         // gone: saved first
        map.put(new Counter("f", 6));          // new: not in the snapshot
        map.get("a").value = 10;               // already saved
        e.value = 50;                          // changed without a word: saved with its new value
        assertThat(part.saveMore(10)).isTrue();

        ByteArrayOutputStream sectionBytes = new ByteArrayOutputStream();
        DataOutputStream expectedSection = new DataOutputStream(sectionBytes);
        expectedSection.writeLong(99);
        expectedSection.writeInt(5);
        for (long value : new long[] {1, 2, 3, 4, 50}) {
            expectedSection.writeLong(value);
        }
        expectedSection.writeBoolean(true);
        ByteArrayOutputStream expectedBytes = new ByteArrayOutputStream();
        DataOutputStream expected = new DataOutputStream(expectedBytes);
        expected.writeInt(7);
        expected.writeInt(sectionBytes.size());
        expected.write(sectionBytes.toByteArray());
        expected.writeInt(8);

        assertThat(whole.toByteArray()).isEqualTo(expectedBytes.toByteArray());
        assertThat(order()).containsExactly("b", "e", "c", "f", "a");
        assertThat(List.of(a.value, b.value, c.value)).containsExactly(10L, 20L, 30L);
    }

    @Test
    void shouldCompleteTheSnapshotBeingWrittenBeforeTheNextBegins() {
        put("a", 1);
        put("b", 2);
        StateOutput first = new StateOutput(4);
        map.writeTo(first, (counter, out) -> out.writeLong(counter.value));
        DeferredState part = first.deferredParts().get(0);

        assertThatThrownBy(first::size).isInstanceOf(IllegalStateException.class).hasMessageContaining("2 entries");
        map.get("b").value = 20; // the newest already: saved first all the same
        map.writeTo(new StateOutput(4), (counter, out) -> out.writeLong(counter.value));

        assertThat(part.saveMore(0)).isTrue();
        byte[] written = first.toByteArray();
        assertThat(written).hasSize(Integer.BYTES + 2 * Long.BYTES);
        assertThat(written[Integer.BYTES + Long.BYTES - 1]).isEqualTo((byte) 1);
        assertThat(written[Integer.BYTES + 2 * Long.BYTES - 1]).isEqualTo((byte) 2);
    }

    @Test
    void shouldWriteANewSnapshotIntoTheBuffersOfOneReleasedAndOnlyThen() throws IOException {
        Counter a = put("a", 1);
        Counter b = put("b", 2);
        StateOutput first = snapshotNow();
        byte[] firstBytes = first.toByteArray();
        a.value = 10;
        StateOutput second = snapshotNow(); // the first is not released: its buffers are still its own

        first.deferredParts().get(0).release();
        b.value = 20;
        StateOutput third = snapshotNow();

        assertThat(map.cutsOnSpareBuffers()).isEqualTo(1);
        assertThat(firstBytes).isEqualTo(counts(1, 2));
        assertThat(second.toByteArray()).isEqualTo(counts(10, 2));
        assertThat(third.toByteArray()).isEqualTo(counts(10, 20));
        third.deferredParts().get(0).release();
        put("c", 3);
        put("d", 4);
        put("e", 5);
        StateOutput fourth = snapshotNow(); // more entries than the spare buffers hold: new ones
        assertThat(map.cutsOnSpareBuffers()).isEqualTo(1);
        assertThat(fourth.toByteArray()).isEqualTo(counts(10, 20, 3, 4, 5));
    }

    /** A snapshot of the map taken and written out at once. */
    private StateOutput snapshotNow() {
        StateOutput out = new StateOutput(4);
        map.writeTo(out, (counter, to) -> to.writeLong(counter.value));
        assertThat(out.deferredParts().get(0).saveMore(Integer.MAX_VALUE)).isTrue();
        return out;
    }

    /** What a snapshot of counters with these values, oldest first, holds. */
    private static byte[] counts(long... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(values.length);
        for (long value : values) {
            out.writeLong(value);
        }
        return bytes.toByteArray();
    }

    @Test
    void shouldVisitEachEntryOfAPassOnceBeforeItIsGotAndNoEntryPutSince() {
        Random random = new Random(7);
        Map<String, Counter> live = new LinkedHashMap<>();
        List<Counter> visited = new ArrayList<>();
        int visitsCheckedEarly = 0;
        for (int round = 0; round < 300; round++) {
            List<Counter> inPass = new ArrayList<>(live.values());
            List<Counter> removedUnvisited = new ArrayList<>();
            visited.clear();
            // The visit removes entries with a value divisible by 3, as an evaluation forgets keys without data.
            map.beginPass(counter -> {
                visited.add(counter);
                if (counter.value % 3 == 0) {
                    map.remove(counter);
                    live.remove(counter.key);
                }
            });
            while (map.isPassing()) {
                String key = "k" + random.nextInt(80);
                Counter current = live.get(key);
                switch (random.nextInt(4)) {
                    case 0 -> {
                        boolean pending = current != null && inPass.contains(current) && !visited.contains(current);
                        Counter got = map.get(key);
                        if (pending) {
                            assertThat(visited).as("visited before it is got").contains(current);
                            assertThat(got).isSameAs(current.value % 3 == 0 ? null : current);
                            visitsCheckedEarly++;
                        } else {
                            assertThat(got).isSameAs(current);
                        }
                    }
                    case 1 -> {
                        if (current == null) {
                            live.put(key, put(key, random.nextInt(1_000)));
                        }
                    }
                    case 2 -> {
                        if (current != null) {
                            if (!visited.contains(current)) {
                                removedUnvisited.add(current);
                            }
                            map.remove(current);
                            live.remove(key);
                        }
                    }
                    default -> map.visitMore(1 + random.nextInt(3));
                }
            }
            inPass.removeAll(removedUnvisited);
            assertThat(visited).as("round %d: each entry of the pass once, none put since", round)
                    .containsExactlyInAnyOrderElementsOf(inPass);
            while (live.size() < 30) {
                String key = "k" + random.nextInt(80);
                live.computeIfAbsent(key, k -> put(k, random.nextInt(1_000)));
            }
        }
        assertThat(order()).containsExactlyInAnyOrderElementsOf(live.keySet());
        assertThat(visitsCheckedEarly).as("gets that met an entry the pass had not reached").isGreaterThan(100);
    }

    @Test
    void shouldCompleteThePassBeingMadeBeforeTheNextBegins() {
        put("a", 1);
        put("b", 2);
        List<String> visits = new ArrayList<>();
        map.beginPass(counter -> visits.add("first " + counter.key));
        assertThat(map.visitMore(1)).isFalse();

        map.beginPass(counter -> visits.add("second " + counter.key));
        map.finishPass();

        assertThat(visits).containsExactly("first a", "first b", "second a", "second b");
        assertThat(map.isPassing()).isFalse();
        assertThat(map.visitMore(1)).as("no pass: nothing left").isTrue();
    }

    private Counter put(String key, long value) {
        Counter counter = new Counter(key, value);
        map.put(counter);
        return counter;
    }

    private List<String> order() {
        List<String> keys = new ArrayList<>();
        for (Counter counter = map.oldest(); counter != null; counter = map.newerThan(counter)) {
            keys.add(counter.key);
        }
        return keys;
    }


    /** An entry with a value to change; {@link SlotIndexTest} files them too. */
    static final class Counter extends SnapshotEntry {
        final String key;
        long value;

        Counter(String key, long value) {
            this.key = key;
            this.value = value;
        }

        @Override
        protected String mapKey() {
            return key;
        }
    }
}
