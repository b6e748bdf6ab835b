package io.seismo.rules.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SummaryListsTest {
    @Test
    void shouldMakeEachListOfWhatWasAddedSinceTheLastAndNothingElse() {
        SummaryLists<String> lists = new SummaryLists<>();
        for (int size = 0; size <= 9; size++) {
            List<String> expected = IntStream.range(0, size).mapToObj(i -> "s" + i).toList();
            expected.forEach(lists::add);

            List<String> made = lists.take();

            assertThat(made).as("a list of %d", size).isEqualTo(expected);
            assertThatThrownBy(() -> made.add("more")).isInstanceOf(UnsupportedOperationException.class);
        }
        assertThat(lists.take()).isEmpty();
    }
}
