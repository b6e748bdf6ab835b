package io.seismo.agent;

import io.seismo.agent.tail.ReadTally;

import java.util.Map;

/** The agent's running totals. Touched by the loop thread only; {@link #snapshot} copies them out. */
final class AgentCounters {
    long polls;
    long linesRead;
    long bytesRead;
    long batchesSent;
    long batchesAcked;
    long retries;
    long linesTruncated;
    long linesDropped;
    long checkpointErrors;
    long scrapesSucceeded;
    long scrapesFailed;
    long scrapesSkipped;
    long samplesScraped;
    long scrapeBadLines;

    void add(ReadTally tally) {
        linesRead += tally.lines();
        bytesRead += tally.bytes();
        linesTruncated += tally.truncatedLines();
    }

    AgentStats snapshot(int openFiles, int inFlight, Map<String, Long> ackedOffsets, Map<String, Long> lagBytes,
                        Map<String, Long> scrapeAckedSequences) {
        return new AgentStats(polls, linesRead, bytesRead, batchesSent, batchesAcked, retries, linesTruncated,
                linesDropped, checkpointErrors, openFiles, inFlight, ackedOffsets, lagBytes,
                new ScrapeStats(scrapesSucceeded, scrapesFailed, scrapesSkipped, samplesScraped, scrapeBadLines,
                        scrapeAckedSequences));
    }
}
