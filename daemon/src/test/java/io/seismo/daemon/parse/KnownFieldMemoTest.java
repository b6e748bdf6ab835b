package io.seismo.daemon.parse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KnownFieldMemoTest {

    @Test
    void shouldAnswerAsTheFieldTableDoesForNamesSeenAgainAndNew() {
        KnownFieldMemo memo = new KnownFieldMemo();
        List<String> names = List.of("level", "@timestamp", "trace_id", "service.name", "user", "route", "msg", "seq");
        for (int round = 0; round < 3; round++) {
            for (String name : names) {
                assertThat(memo.lookup(name)).as(name).isEqualTo(KnownField.lookup(name));
                String copy = new String(name.toCharArray()); // equal characters, another String
                assertThat(memo.lookup(copy)).as("a copy of " + name).isEqualTo(KnownField.lookup(name));
            }
        }
    }

    @Test
    void shouldNotAnswerForAnotherNameInTheSameSlot() {
        KnownFieldMemo memo = new KnownFieldMemo();
        String ordinary = sharingTheSlotOf("level");

        assertThat(memo.lookup("level").field()).isEqualTo(KnownField.LEVEL);
        assertThat(memo.lookup(ordinary)).isNull();
        assertThat(memo.lookup("level").field()).isEqualTo(KnownField.LEVEL);
        assertThat(memo.lookup("msg").field()).isEqualTo(KnownField.MESSAGE);
    }

    private static String sharingTheSlotOf(String name) {
        for (int i = 0; ; i++) {
            String candidate = "attribute" + i;
            if ((candidate.hashCode() & 255) == (name.hashCode() & 255)) {
                return candidate;
            }
        }
    }
}
