package io.seismo.rules.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.seismo.rules.state.CorruptStateException;
import org.junit.jupiter.api.Test;

class SavedRulesTest {

    @Test
    void shouldMoveEachSavedRulesBitToWhereTheRuleIsNowAndDropTheGoneOnes() {
        SavedRules saved = SavedRules.of(new int[] {2, -1, 0});

        assertThat(saved.sharedBy()).isEqualTo(3);
        assertThat(saved.toCurrent(0b001)).isEqualTo(0b100);
        assertThat(saved.toCurrent(0b010)).isZero();
        assertThat(saved.toCurrent(0b111)).isEqualTo(0b101);
    }

    @Test
    void shouldRefuseABitOfARuleThatWasNotSaved() {
        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> SavedRules.of(new int[] {0, 1}).toCurrent(0b100))
                .withMessageContaining("rule 2 of windows saved by 2 rules");
    }
}
