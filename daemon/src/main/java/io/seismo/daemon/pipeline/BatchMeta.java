package io.seismo.daemon.pipeline;

import io.seismo.daemon.journal.Origin;

/**
 * What the agent said about a batch: where it came from (agent, host, service, path, file identity, time
 * received), the byte range it covers, and which parser its lines go through. Shared read-only by every slot
 * of the batch; the journal keeps the origin with each line so a replay can rebuild this.
 */
public record BatchMeta(Origin origin, long firstOffset, long lastOffset, int parserIndex) {

    public BatchMeta(String agent, String host, String service, String path, String source, long firstOffset,
                     long lastOffset, int parserIndex, long receivedNanos) {
        this(new Origin(agent, host, service, path, source, receivedNanos), firstOffset, lastOffset, parserIndex);
    }

    public String agent() {
        return origin.agent();
    }

    public String host() {
        return origin.host();
    }

    public String service() {
        return origin.service();
    }

    public String path() {
        return origin.path();
    }

    public String source() {
        return origin.source();
    }

    public long receivedNanos() {
        return origin.receivedNanos();
    }
}
