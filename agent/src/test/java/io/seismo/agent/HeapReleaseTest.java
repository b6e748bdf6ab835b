package io.seismo.agent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeapReleaseTest {
    private static final long QUIET = 10;
    private static final long SLACK = 8;

    private long committed = 16;
    private int collections;

    private final HeapRelease release = new HeapRelease(QUIET, SLACK, () -> committed, this::collect, 0);

    private void collect() {
        collections++;
        committed = 20;
    }

    @Test
    void shouldGiveBackTheHeapOnceCaughtUpAfterABacklogGrewIt() {
        release.poll(true, 5);
        committed = 60;
        release.poll(true, 10);
        release.poll(false, 15);
        release.poll(false, 19);
        assertThat(collections).as("not before the agent has been caught up for a while").isZero();

        release.poll(false, 20);
        assertThat(collections).isEqualTo(1);
        release.poll(false, 40);
        assertThat(collections).as("once per backlog").isEqualTo(1);
    }

    @Test
    void shouldLeaveAHeapThatGrewLessThanTheSlackAlone() {
        committed = 16 + SLACK;
        release.poll(false, 100);
        assertThat(collections).isZero();

        committed = 16 + SLACK + 1;
        release.poll(false, 101);
        assertThat(collections).isEqualTo(1);
        committed = 20 + SLACK;
        release.poll(false, 200);
        assertThat(collections).as("measured from its size after the last release").isEqualTo(1);
    }
}
