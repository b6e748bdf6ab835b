package io.seismo.rules.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameTableTest {

    @Test
    void shouldFindEachNameBeforeAndAfterTheHashIndexJoins() {
        NameTable names = new NameTable();
        int count = NameTable.SCAN_LIMIT * 3;
        for (int i = 0; i < count; i++) {
            assertThat(names.indexOf("span-" + i)).isEqualTo(-1);
            assertThat(names.add("span-" + i)).isEqualTo(i);
            assertThat(names.indexOf("span-" + i)).isEqualTo(i);
        }

        assertThat(names.size()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            assertThat(names.indexOf(new String("span-" + i))).as("span-%d", i).isEqualTo(i);
            assertThat(names.nameAt(i)).isEqualTo("span-" + i);
        }
        assertThat(names.indexOf("span-" + count)).isEqualTo(-1);
    }
}
