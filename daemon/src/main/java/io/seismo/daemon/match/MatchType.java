package io.seismo.daemon.match;

/** The four Alertmanager matcher operators, as written between the label name and the value. */
public enum MatchType {
    EQUAL("="),
    NOT_EQUAL("!="),
    REGEX("=~"),
    NOT_REGEX("!~");

    private final String operator;

    MatchType(String operator) {
        this.operator = operator;
    }

    public String operator() {
        return operator;
    }

    boolean isRegex() {
        return this == REGEX || this == NOT_REGEX;
    }

    boolean isNegative() {
        return this == NOT_EQUAL || this == NOT_REGEX;
    }
}
