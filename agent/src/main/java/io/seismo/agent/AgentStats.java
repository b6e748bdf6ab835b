package io.seismo.agent;

import java.nio.file.Path;
import java.util.Map;

/**
 * A read-only snapshot of what the agent has done since it started.
 *
 * @param polls            discovery-and-read rounds completed
 * @param linesRead        complete lines read from files (a line re-read after a restart counts again)
 * @param bytesRead        bytes of those lines, newlines included
 * @param batchesSent      POST attempts, retries included
 * @param batchesAcked     batches the daemon acknowledged
 * @param retries          attempts that failed and were scheduled again (a split counts as one)
 * @param linesTruncated   lines cut to {@code maxLineBytes}
 * @param linesDropped     lines given up on (a single line the daemon rejects as too large)
 * @param checkpointErrors checkpoint writes that failed, plus an unreadable checkpoint at start
 * @param openFiles        files held open
 * @param inFlightBatches  requests outstanding now
 * @param ackedOffsets     acknowledged offset per absolute path, for the files being tailed
 * @param lagBytes         per absolute path of an open file: its size minus its acknowledged offset
 * @param scrapes          what the scrape targets did
 */
public record AgentStats(long polls, long linesRead, long bytesRead, long batchesSent, long batchesAcked,
                         long retries, long linesTruncated, long linesDropped, long checkpointErrors,
                         int openFiles, int inFlightBatches, Map<String, Long> ackedOffsets,
                         Map<String, Long> lagBytes, ScrapeStats scrapes) {
    public AgentStats {
        ackedOffsets = Map.copyOf(ackedOffsets);
        lagBytes = Map.copyOf(lagBytes);
    }

    /** The acknowledged offset of the file at {@code path}, or -1 if no file there is being tailed. */
    public long ackedOffset(Path path) {
        return ackedOffsets.getOrDefault(path.toAbsolutePath().normalize().toString(), -1L);
    }
}
