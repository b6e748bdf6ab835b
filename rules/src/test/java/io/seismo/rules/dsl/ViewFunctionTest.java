package io.seismo.rules.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which kept closure texts are functions of the event alone, so that the same text means the same everywhere. */
class ViewFunctionTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "service == 'checkout' && level >= ERROR",
            "attr('user')",
            "it.service == 'api'",
            "message.contains('timeout') || isError()",
            "service in ['a', 'b'] && kind == LOG",
            "traceId != null ? traceId : host",
            "!errorServices.isEmpty()",
    })
    void shouldTakeATextThatReadsOnlyTheEvent(String body) {
        assertThat(ViewFunction.readsOnlyTheView(body)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "service == watched",                 // a variable of the file, or of the rule around it
            "helper(service)",                    // a method of the file
            "def s = service; s == 'a'",          // declares
            "service = 'a'",                      // assigns
            "message == 'two words'",             // collapsed whitespace: 'two  words' keeps the same text
            "service == 'a' // or b",             // a comment swallows what a collapsed newline ended
            "service == 'a' /* or b */",
            "attrs.any { it == 'x' }",            // nests a closure
            "new Date().time > 0",                // constructs
            "Math.max(1, 2) > 0",                 // a class
            "this.service == 'a'",
            "service == 'a' && level >= ERR…",    // cut at 500 characters
            "service ==",                         // does not parse
            "",
    })
    void shouldRefuseATextThatMayMeanSomethingElseElsewhere(String body) {
        assertThat(ViewFunction.readsOnlyTheView(body)).isFalse();
    }
}
