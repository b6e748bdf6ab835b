package io.seismo.agent.scrape;

import java.util.List;

/**
 * What one exposition held: the samples that parsed, and the lines that did not (each a reason, at most a
 * few kept), so a partly broken endpoint still yields its good samples and the breakage is visible.
 */
public record Exposition(List<ScrapedSample> samples, int badLines, List<String> firstProblems) {
    public Exposition {
        samples = List.copyOf(samples);
        firstProblems = List.copyOf(firstProblems);
    }
}
