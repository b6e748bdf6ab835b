package io.seismo.agent.tail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FileHeadTest {
    @Test
    void shouldRecogniseAFileThatGrewAfterItsFingerprintWasTaken() {
        FileHead small = FileHead.of(bytes("first line\n"));

        assertThat(small.length()).isEqualTo(11);
        assertThat(small.isPrefixOf(bytes("first line\nsecond line\n"))).isTrue();
        assertThat(small.isPrefixOf(bytes("other line\nsecond line\n"))).isFalse();
        assertThat(small.isPrefixOf(bytes("first"))).isFalse();
    }

    @Test
    void shouldMintTheSameIdForTheSameHeadAndADifferentOneWhenItIsTaken() {
        String id = SourceIds.mint(bytes("head"), candidate -> false);

        assertThat(id).matches("[0-9a-f]{32}").isEqualTo(SourceIds.mint(bytes("head"), candidate -> false));
        assertThat(SourceIds.mint(bytes("head"), Set.of(id)::contains)).isNotEqualTo(id).matches("[0-9a-f]{32}");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
