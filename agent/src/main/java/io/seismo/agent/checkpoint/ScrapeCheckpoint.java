package io.seismo.agent.checkpoint;

/**
 * What the agent remembers about one scrape target across restarts. Its samples are numbered, and the number
 * is the "offset" the daemon dedupes on, so numbers must never be reused: before a sample numbered at or past
 * {@code reservedSequence} is sent, a higher reservation is written here, and a restart continues from the
 * reservation (skipping numbers it may have sent without an answer) rather than from the acknowledged one.
 *
 * @param source           the id sent as {@code Seismo-Source} ({@code scrape:<url>})
 * @param url              the target (informational)
 * @param ackedSequence    every sample numbered below this is acknowledged by the daemon
 * @param reservedSequence no sample numbered at or above this was ever sent
 */
public record ScrapeCheckpoint(String source, String url, long ackedSequence, long reservedSequence) {
}
