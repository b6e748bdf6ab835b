package io.seismo.daemon.metrics;

/**
 * How many distinct values the open-ended labels may take before new values are counted under
 * {@code other} (see {@link BoundedChildren}): a fleet of thousands of agents or a service name built from a
 * request id must not turn one scrape into millions of series.
 */
public record LabelCaps(int agents, int services, int rules) {
    public static final LabelCaps DEFAULTS = new LabelCaps(200, 500, 1000);
}
