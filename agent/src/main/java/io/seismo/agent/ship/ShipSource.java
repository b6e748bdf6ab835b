package io.seismo.agent.ship;

/**
 * Where a batch's lines come from, as the daemon is told in headers.
 *
 * @param sourceId {@code Seismo-Source}: the key of the daemon's dedupe (a file identity, or {@code scrape:<url>})
 * @param service  {@code Seismo-Service}
 * @param location {@code Seismo-Path}: the file's path, or {@code scrape:<url>} for a scrape target
 * @param kind     {@code Seismo-Kind}: how the daemon parses the lines
 */
public record ShipSource(String sourceId, String service, String location, Kind kind) {
    /** What the lines are; the daemon picks the parser from this before any per-path config. */
    public enum Kind {
        /** Log lines, parsed as the daemon's config says for the path. */
        LOG("log"),
        /** Metric samples, one JSON object per line (see {@code io.seismo.agent.scrape.SampleEncoder}). */
        METRIC("metric");

        private final String header;

        Kind(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }
}
