package io.seismo.daemon.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArrayReturningOutcomeTest {
    private final List<String> told = new ArrayList<>();
    private final AdmissionOutcome reply = new AdmissionOutcome() {
        @Override
        public void published(int accepted, int duplicates, long acceptedBytes) {
            told.add("published " + accepted + " " + duplicates + " " + acceptedBytes);
        }

        @Override
        public void refused() {
            told.add("refused");
        }
    };

    @Test
    void shouldTellThePublicationAndLendTheArrayAgain() {
        LentBodies bodies = new LentBodies(1 << 20);
        byte[] lines = bodies.borrow(100_000);

        new ArrayReturningOutcome(reply, bodies, lines).published(3, 1, 240);

        assertThat(told).containsExactly("published 3 1 240");
        assertThat(bodies.borrow(90_000)).isSameAs(lines);
        assertThat(bodies.arraysMade()).isEqualTo(1);
    }

    @Test
    void shouldTellARefusalAndLendTheArrayAgain() {
        LentBodies bodies = new LentBodies(1 << 20);
        byte[] lines = bodies.borrow(100_000);

        new ArrayReturningOutcome(reply, bodies, lines).refused();

        assertThat(told).containsExactly("refused");
        assertThat(bodies.borrow(100_000)).isSameAs(lines);
        assertThat(bodies.arraysMade()).isEqualTo(1);
    }
}
