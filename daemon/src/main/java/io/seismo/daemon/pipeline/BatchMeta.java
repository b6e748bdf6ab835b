package io.seismo.daemon.pipeline;

/**
 * What the agent said about a batch: who sent it, from which file (path and identity), the byte range it
 * covers, and which parser its lines go through. Shared read-only by every slot of the batch.
 */
public record BatchMeta(
        String agent,
        String host,
        String service,
        String path,
        String source,
        long firstOffset,
        long lastOffset,
        int parserIndex,
        long receivedNanos) {
}
