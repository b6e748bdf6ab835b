package io.seismo.rules.dsl;

import java.util.Objects;

/** The text of one rule file and the name problems are reported under. */
public record RuleSource(String fileName, String text) {
    public RuleSource {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
    }
}
