package io.seismo.rules.dsl;

/**
 * What a rule does with an event that arrives behind the watermark (later than the allowed lateness).
 * {@link #COUNT}: it still counts in every window of the rule that has not been evaluated and forgotten yet,
 * so a sliding window ending later sees it; {@link #DROP}: the rule ignores it. Either way it is counted.
 */
public enum LatePolicy {
    COUNT, DROP
}
