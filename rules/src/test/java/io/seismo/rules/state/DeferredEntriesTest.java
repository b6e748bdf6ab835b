package io.seismo.rules.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Entries fixed when written and saved later come out as a count and the entries' values of that moment, in
 * their order then, inside sections whose lengths are only known at the end.
 */
class DeferredEntriesTest {

    @Test
    void shouldWriteTheValuesAndOrderOfTheMomentTheEntriesWereFixed() throws IOException {
        List<Counter> counters = List.of(new Counter(1), new Counter(2), new Counter(3), new Counter(4));
        StateOutput whole = new StateOutput(4);
        StateOutput section = new StateOutput(4);
        whole.writeInt(7);
        section.writeLong(99);
        DeferredEntries<Counter> saving = section.writeEntries(counters, (counter, out) -> out.writeLong(counter.value));
        section.writeBoolean(true);
        whole.writeSection(section);
        section.reset(); // reusable at once: the whole output took over its pieces
        whole.writeInt(8);

        // The third changes first, then the first; the rest are saved in slices.
        saving.saveBeforeChange(counters.get(2));
        counters.get(2).value = 30;
        assertThat(saving.saveMore(1)).isFalse();
        saving.saveBeforeChange(counters.get(0));
        counters.get(0).value = 10;
        counters.get(3).value = 40; // changed without a word: saved with its new value
        assertThat(saving.saveMore(10)).isTrue();

        ByteArrayOutputStream sectionBytes = new ByteArrayOutputStream();
        DataOutputStream expectedSection = new DataOutputStream(sectionBytes);
        expectedSection.writeLong(99);
        expectedSection.writeInt(4);
        for (long value : new long[] {1, 2, 3, 40}) {
            expectedSection.writeLong(value);
        }
        expectedSection.writeBoolean(true);
        ByteArrayOutputStream expectedBytes = new ByteArrayOutputStream();
        DataOutputStream expected = new DataOutputStream(expectedBytes);
        expected.writeInt(7);
        expected.writeInt(sectionBytes.size());
        expected.write(sectionBytes.toByteArray());
        expected.writeInt(8);

        byte[] written = new byte[whole.size()];
        whole.copyInto(written, 0);
        assertThat(written).isEqualTo(expectedBytes.toByteArray());
        assertThat(whole.deferredParts()).containsExactly(saving);
        assertThat(counters).noneMatch(SnapshotEntry::awaitsSave);
    }

    @Test
    void shouldRefuseItsSizeUntilEveryEntryIsSaved() {
        StateOutput out = new StateOutput(4);
        DeferredEntries<Counter> saving = out.writeEntries(List.of(new Counter(1), new Counter(2)),
                (counter, to) -> to.writeLong(counter.value));

        saving.saveMore(1);

        assertThatThrownBy(out::size).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 entries");
    }

    private static final class Counter extends SnapshotEntry {
        long value;

        Counter(long value) {
            this.value = value;
        }
    }
}
