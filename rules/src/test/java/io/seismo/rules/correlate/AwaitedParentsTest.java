package io.seismo.rules.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.state.StateOutput;
import org.junit.jupiter.api.Test;

class AwaitedParentsTest {
    private final AwaitedParents awaited = new AwaitedParents();
    private final SpanKey key = new SpanKey();

    @Test
    void shouldHandEachAwaitingChildToItsParentOnceAndForgetIt() {
        assertThat(awaited.await(key.set("p1"), 3)).isTrue();
        assertThat(awaited.await(key.set("p2"), 4)).isTrue();
        assertThat(awaited.await(key.set("p1"), 5)).isTrue();
        assertThat(awaited.await(key.set("p1"), 3)).isFalse();
        assertThat(awaited.size()).isEqualTo(3);

        assertThat(awaited.takeChild(key.set("p1"))).isEqualTo(3);
        assertThat(awaited.takeChild(key.set("p1"))).isEqualTo(5);
        assertThat(awaited.takeChild(key.set("p1"))).isEqualTo(-1);

        assertThat(awaited.size()).isEqualTo(1);
        assertThat(awaited.awaits(key.set("p1"))).isFalse();
        assertThat(awaited.awaits(key.set("p2"))).isTrue();
        assertThat(awaited.takeChild(key.set("p3"))).isEqualTo(-1);
    }

    @Test
    void shouldSaveThePairsGroupedByParentInTheOrderEachWasFirstAwaited() {
        awaited.await(key.set("p1"), 3);
        awaited.await(key.set("spän"), 4);
        awaited.await(key.set("p1"), 5);

        StateOutput expected = new StateOutput(16);
        expected.writeVarLong(2);
        expected.writeId("p1");
        expected.writeVarLong(2);
        expected.writeVarLong(3);
        expected.writeVarLong(5);
        expected.writeId("spän");
        expected.writeVarLong(1);
        expected.writeVarLong(4);
        StateOutput saved = new StateOutput(16);
        awaited.writeTo(saved);

        assertThat(saved.toByteArray()).isEqualTo(expected.toByteArray());
    }
}
