package io.seismo.daemon.reload;

import io.seismo.rules.dsl.RuleDefinition;

import java.util.Locale;

/** One running rule as {@code GET /v1/rules} shows it. */
public record LoadedRule(String name, String kind, String file) {

    static LoadedRule of(RuleDefinition rule) {
        return new LoadedRule(rule.name(), rule.kind().name().toLowerCase(Locale.ROOT), rule.file());
    }
}
