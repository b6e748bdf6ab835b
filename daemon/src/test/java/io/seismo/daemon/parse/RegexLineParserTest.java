package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static io.seismo.daemon.parse.FailedLineAssert.assertFailedLine;
import static io.seismo.daemon.parse.Prefilled.parsedBy;
import static io.seismo.daemon.parse.Times.nanos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RegexLineParserTest {

    @Test
    void shouldMapNamedGroupsToFieldsAndOtherGroupsToAttributes() {
        LineParser parser = ParserFactory.create(ParserSpec.regex(
                "^(?<time>\\S+) (?<level>[A-Z]+) (?<service>[\\w-]+) trace=(?<traceId>\\w+) span=(?<spanId>\\w+)"
                        + " parent=(?<parentSpanId>\\w+) user=(?<user>\\w+) (?<msg>.*)$"));

        Event event = parsedBy(parser,
                "2024-05-01T12:00:00Z ERROR checkout trace=abc span=def parent=fed user=ann card declined (code 51)");

        assertThat(event.getEventTimeNanos()).isEqualTo(nanos("2024-05-01T12:00:00Z"));
        assertThat(event.getLevel()).isEqualTo(Level.ERROR);
        assertThat(event.getService()).isEqualTo("checkout");
        assertThat(event.getTraceId()).isEqualTo("abc");
        assertThat(event.getSpanId()).isEqualTo("def");
        assertThat(event.getParentSpanId()).isEqualTo("fed");
        assertThat(event.getMessage()).isEqualTo("card declined (code 51)");
        assertThat(event.getAttributes()).containsOnly(entry("user", "ann"));
    }

    @Test
    void shouldReadTimeWithTheSpecTimeFormatAndZone() {
        LineParser parser = ParserFactory.create(ParserSpec.regex(
                        "^(?<time>\\d{6} \\d{6}) (?<pid>\\d+) (?<level>[A-Z]+) (?<component>[^:]+): (?<message>.*)$")
                .withTimeFormat("yyMMdd HHmmss").withTimeZone("America/New_York"));

        Event event = parsedBy(parser,
                "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block"
                        + " blk_38865049064139660 terminating");

        assertThat(event.getEventTimeNanos()).isEqualTo(nanos("2008-11-10T01:36:15Z"));
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
        assertThat(event.getAttributes())
                .containsOnly(entry("pid", "148"), entry("component", "dfs.DataNode$PacketResponder"));
        assertThat(event.getMessage()).startsWith("PacketResponder 1");
    }

    @Test
    void shouldFindThePatternAnywhereUnlessAnchored() {
        String line = "GET /cart level=warn took=3s";
        LineParser unanchored = ParserFactory.create(ParserSpec.regex("level=(?<level>\\w+)"));
        LineParser anchored = ParserFactory.create(ParserSpec.regex("^level=(?<level>\\w+)"));

        assertThat(parsedBy(unanchored, line).getLevel()).isEqualTo(Level.WARN);
        assertFailedLine(anchored, line);
    }

    @Test
    void shouldLeaveOutGroupsThatDidNotTakePart() {
        LineParser parser = ParserFactory.create(ParserSpec.regex(
                "^(?<level>[A-Z]+)(?: \\[(?<traceId>[^\\]]+)\\])?(?: user=(?<user>\\w+))? (?<message>.*)$"));

        Event event = parsedBy(parser, "WARN disk almost full");

        assertThat(event.getTraceId()).isNull();
        assertThat(event.getAttributes()).isEmpty();
        assertThat(event.getMessage()).isEqualTo("disk almost full");
    }

    @Test
    void shouldFailLineThatDoesNotMatch() {
        LineParser parser = ParserFactory.create(ParserSpec.regex("^(?<level>[A-Z]+) (?<message>.*)$"));

        assertFailedLine(parser, "lowercase start");
        assertFailedLine(parser, "");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldGiveUpOnCatastrophicBacktrackingInsteadOfHanging() {
        // Java 17 memoizes nested quantifiers like (a+)+, but not this polynomial blow-up (about 40^12 steps).
        LineParser parser = ParserFactory.create(ParserSpec.regex("^(?<word>(.*a){12})$"));

        assertThat(assertFailedLine(parser, "a".repeat(40) + "!")).contains("backtracked");
        assertThat(parsedBy(parser, "a".repeat(12)).attr("word")).as("the same parser still works afterwards")
                .isEqualTo("a".repeat(12));
    }

    @Test
    void shouldFailInsteadOfOverflowingTheStackOnALongLine() {
        // Java's regex engine recurses once per repetition of an alternation group.
        LineParser parser = ParserFactory.create(ParserSpec.regex("^(?<letters>(a|b)*)$"));

        assertThat(assertFailedLine(parser, "ab".repeat(100_000))).contains("recursed too deep");
        assertThat(parsedBy(parser, "abba").attr("letters")).isEqualTo("abba");
    }
}
