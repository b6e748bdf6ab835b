package io.seismo.daemon.parse;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RegexGroupsTest {

    /** Escapes, classes, look-arounds, flags and quoting that must not count as groups. */
    private static final String TRICKY = "(?<first>x)(y)(?:z)\\(?<escaped>\\)[(?<inClass>[(])](?<=w)(?<!v)(?>u)(?i)"
            + "(?<second9>t)\\Q(?<quoted>)\\E(?<last>.)";

    @Test
    void shouldListCapturingGroupsInNumberOrderWithTheirNames() {
        assertThat(RegexGroups.names(TRICKY)).containsExactly("first", null, "second9", "last");
    }

    @Test
    void shouldReturnNoGroupsForPlainText() {
        assertThat(RegexGroups.names("plain \\d+ text")).isEmpty();
    }

    @Test
    void shouldAgreeWithTheRegexEngineOnGroupCount() {
        for (String regex : Arrays.asList(TRICKY, "(a)(?<b>b)((c))", "[)(](?<x>\\))", "(?<n>a(?<m>b))")) {
            assertThat(RegexGroups.names(regex)).as(regex)
                    .hasSize(java.util.regex.Pattern.compile(regex).matcher("").groupCount());
        }
    }
}
