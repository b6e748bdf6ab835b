package io.seismo.daemon.journal;

/**
 * Where a batch came from, as the journal keeps it with every line so that a replay can rebuild the batch:
 * the agent and host that sent it, the service and file path, the file identity, and when it was received
 * (lines without a time of their own take it as their event time, so a replay must see the same value).
 */
public record Origin(String agent, String host, String service, String path, String source, long receivedNanos) {
}
