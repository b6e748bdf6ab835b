package io.seismo.rules.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.state.StateOutput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanTableTest {
    private final SpanKey key = new SpanKey();

    @Test
    void shouldFindEachSpansServiceBeforeAndAfterTheHashIndexJoins() {
        SpanTable spans = new SpanTable();
        int count = SpanTable.SCAN_LIMIT * 3;
        for (int i = 0; i < count; i++) {
            assertThat(spans.putIfAbsent(key.set("span-" + i), i % 5)).isTrue();
            assertThat(spans.serviceOf(key.set("span-" + i))).isEqualTo(i % 5);
        }

        assertThat(spans.size()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            assertThat(spans.serviceOf(key.set("span-" + i))).as("span-%d", i).isEqualTo(i % 5);
        }
        assertThat(spans.serviceOf(key.set("span-" + count))).isEqualTo(-1);
    }

    @Test
    void shouldKeepTheFirstServiceOfASpanSeenTwice() {
        SpanTable spans = new SpanTable();

        assertThat(spans.putIfAbsent(key.set("a"), 1)).isTrue();
        assertThat(spans.putIfAbsent(key.set("a"), 2)).isFalse();

        assertThat(spans.serviceOf(key.set("a"))).isEqualTo(1);
        assertThat(spans.serviceOf(key.set("ab"))).isEqualTo(-1);
        assertThat(spans.size()).isEqualTo(1);
    }

    @Test
    void shouldSaveTheSpansAsIdsAndIntsWouldBeWrittenWhateverTheirCharacters() {
        List<String> ids = new ArrayList<>(List.of("0af7651916cd43dd", "spän-ü", "x".repeat(70_000), "", "b"));
        SpanTable spans = new SpanTable();
        for (int i = 0; i < ids.size(); i++) {
            assertThat(spans.putIfAbsent(key.set(ids.get(i)), 1_000 * i + 7)).isTrue();
        }
        for (int i = 0; i < ids.size(); i++) {
            assertThat(spans.serviceOf(key.set(ids.get(i)))).isEqualTo(1_000 * i + 7);
        }

        StateOutput expected = new StateOutput(16);
        expected.writeVarLong(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            expected.writeId(ids.get(i));
            expected.writeInt(1_000 * i + 7);
        }
        StateOutput saved = new StateOutput(16);
        spans.writeTo(saved);
        assertThat(saved.toByteArray()).isEqualTo(expected.toByteArray());
    }
}
