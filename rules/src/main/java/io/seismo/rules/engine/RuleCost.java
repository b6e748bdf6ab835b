package io.seismo.rules.engine;

/**
 * What one rule has cost the engine's thread since the engine started: the time in its detector (events are
 * timed one in 64 and scaled, window boundaries every time), the evaluations of its closures that threw, and
 * the events behind the watermark it was shown, counted into its windows or dropped ({@code late COUNT|DROP}).
 */
public record RuleCost(String rule, long nanos, long errors, long lateCounted, long lateDropped) {
}
