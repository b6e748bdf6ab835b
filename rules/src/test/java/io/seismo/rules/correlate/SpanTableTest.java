package io.seismo.rules.correlate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpanTableTest {

    @Test
    void shouldFindEachSpansServiceBeforeAndAfterTheHashIndexJoins() {
        SpanTable spans = new SpanTable();
        int count = SpanTable.SCAN_LIMIT * 3;
        for (int i = 0; i < count; i++) {
            assertThat(spans.putIfAbsent("span-" + i, i % 5)).isTrue();
            assertThat(spans.serviceOf("span-" + i)).isEqualTo(i % 5);
        }

        assertThat(spans.size()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            assertThat(spans.serviceOf("span-" + i)).as("span-%d", i).isEqualTo(i % 5);
            assertThat(spans.idAt(i)).isEqualTo("span-" + i);
            assertThat(spans.serviceAt(i)).isEqualTo(i % 5);
        }
        assertThat(spans.serviceOf("span-" + count)).isEqualTo(-1);
    }

    @Test
    void shouldKeepTheFirstServiceOfASpanSeenTwice() {
        SpanTable spans = new SpanTable();

        assertThat(spans.putIfAbsent("a", 1)).isTrue();
        assertThat(spans.putIfAbsent("a", 2)).isFalse();

        assertThat(spans.serviceOf("a")).isEqualTo(1);
        assertThat(spans.size()).isEqualTo(1);
    }
}
