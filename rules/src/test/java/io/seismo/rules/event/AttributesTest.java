package io.seismo.rules.event;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttributesTest {

    @Test
    void shouldReadLikeAnInsertionOrderedMapWhateverIsPutClearedAndCopied() {
        SplittableRandom random = new SplittableRandom(3);
        Event event = new Event();
        Event copy = new Event();
        for (int line = 0; line < 5_000; line++) {
            Map<String, String> expected = new LinkedHashMap<>();
            event.reset();
            // Mostly a handful of fields, sometimes more than the scan limit; names repeat within a line.
            int fields = random.nextInt(10) == 0 ? random.nextInt(60) : random.nextInt(8);
            for (int i = 0; i < fields; i++) {
                String name = "f" + random.nextInt(Math.max(1, fields));
                String value = random.nextInt(20) == 0 ? null : "v" + random.nextInt(1_000);
                expected.put(name, value);
                if (value != null && random.nextBoolean()) {
                    // As a parser puts a value it has not seen: characters of its line, which it then reuses.
                    char[] text = ("<" + value + ">").toCharArray();
                    event.putAttr(name, text, 1, text.length - 1);
                    Arrays.fill(text, '#');
                } else {
                    event.putAttr(name, value);
                }
            }
            copy.copyFrom(event);

            for (Event read : List.of(event, copy)) {
                assertThat(read.getAttributes()).isEqualTo(expected);
                assertThat(read.getAttributes().keySet()).containsExactlyElementsOf(expected.keySet());
                assertThat(read.getAttributes().values()).containsExactlyElementsOf(expected.values());
                for (int probe = 0; probe < 5; probe++) {
                    String name = "f" + random.nextInt(70);
                    assertThat(read.attr(name)).isEqualTo(expected.get(name));
                    assertThat(read.getAttributes().containsKey(name)).isEqualTo(expected.containsKey(name));
                }
            }
        }
    }

    @Test
    void shouldMakeAValuePutAsCharactersAStringOnceWhenRead() {
        Event event = new Event();
        event.putAttr("user", "xxuser-7xx".toCharArray(), 2, 8);

        String user = event.attr("user");
        assertThat(user).isEqualTo("user-7");
        assertThat(event.attr("user")).isSameAs(user);
        assertThat(event.getAttributes()).containsExactly(Map.entry("user", user));
        event.putAttr("user", "ann");
        assertThat(event.attr("user")).isEqualTo("ann");
    }

    @Test
    void shouldForgetEveryFieldOnResetAndRefuseChangesThroughTheView() {
        Event event = new Event();
        event.putAttr("user", "ann");
        Map<String, String> view = event.getAttributes();
        event.reset();
        event.putAttr("route", "/a");

        assertThat(view).containsExactly(Map.entry("route", "/a"));
        assertThat(event.attr("user")).isNull();
        assertThatThrownBy(() -> view.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
