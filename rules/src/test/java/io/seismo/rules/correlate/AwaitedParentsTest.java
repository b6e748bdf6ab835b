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
        expected.writeInt(2);
        expected.writeString("p1");
        expected.writeInt(2);
        expected.writeInt(3);
        expected.writeInt(5);
        expected.writeString("spän");
        expected.writeInt(1);
        expected.writeInt(4);
        StateOutput saved = new StateOutput(16);
        awaited.writeTo(saved);

        assertThat(saved.toByteArray()).isEqualTo(expected.toByteArray());
    }
}
