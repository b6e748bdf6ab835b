package io.seismo.agent.scrape;

import io.seismo.agent.checkpoint.ScrapeCheckpoint;
import io.seismo.agent.config.BatchLimits;
import io.seismo.agent.config.ScrapeTarget;
import io.seismo.agent.ship.ShipQueue;
import io.seismo.agent.ship.ShipSource;
import io.seismo.agent.tail.LineView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * One scrape target as the agent's loop sees it: when it is due, its samples numbered and waiting for room in
 * its {@link ShipQueue}, and its sample numbers, which play the part a file's byte offsets play for the daemon's
 * dedupe (sample {@code n} is a line from offset {@code n} to {@code n + 1}). Numbers are reserved in blocks
 * that the checkpoint records before they are used (see {@link ScrapeCheckpoint}). Touched by the loop only.
 */
public final class ScrapeSource {
    private static final Logger LOG = LoggerFactory.getLogger(ScrapeSource.class);
    /** Numbers reserved per checkpoint write: a few scrapes' worth, so the checkpoint is not rewritten per scrape. */
    static final long RESERVE_BLOCK = 100_000;

    private final ScrapeTarget target;
    private final ShipSource shipSource;
    private final ShipQueue queue;
    private final SampleEncoder encoder;
    /** Encoded samples not yet in a batch; they hold the numbers just below {@link #nextSequence}. */
    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
    private final LineView offered = new LineView();
    private final int maxWaitingLines;
    private long nextSequence;
    private long reservedSequence;
    private long durableReserve;
    private long ackedSequence;
    private long nextScrapeNanos;
    private boolean scraping;
    private String failingBecause;
    private boolean hadBadLines;

    /** @param restored what the checkpoint held for this target, or null for a new one */
    public ScrapeSource(ScrapeTarget target, BatchLimits limits, ScrapeCheckpoint restored) {
        this.target = target;
        // The path is the source id too: "scrape:" marks metric samples even where only service and path are kept
        // (the daemon's journal), and no file path starts with it.
        this.shipSource = new ShipSource(target.sourceId(), target.service(), target.sourceId(), ShipSource.Kind.METRIC);
        this.queue = new ShipQueue(limits);
        this.encoder = new SampleEncoder(target.labels());
        this.maxWaitingLines = Math.max(10_000, limits.maxLines() * 10);
        long start = restored == null ? 0 : Math.max(restored.ackedSequence(), restored.reservedSequence());
        this.nextSequence = start;
        this.reservedSequence = start;
        this.durableReserve = start;
        this.ackedSequence = restored == null ? 0 : restored.ackedSequence();
    }

    public ScrapeTarget target() {
        return target;
    }

    public String sourceId() {
        return shipSource.sourceId();
    }

    public ShipQueue queue() {
        return queue;
    }

    /** Whether a scrape should start now: none running and its interval has come round. */
    public boolean isDue(long nowNanos) {
        return !scraping && nowNanos - nextScrapeNanos >= 0;
    }

    /**
     * Whether the samples of earlier scrapes still wait for the daemon beyond what one batch holds; then the next
     * scrape is skipped rather than queued (metrics cannot wait in a file the way log lines do).
     */
    public boolean isBackedUp() {
        return waiting.size() >= maxWaitingLines;
    }

    /** A scrape starts (or is skipped) now; the next one is due one interval later. */
    public void scheduled(long nowNanos, boolean started) {
        scraping = started;
        nextScrapeNanos = nowNanos + target.interval().toNanos();
    }

    /**
     * Takes a finished scrape: numbers its samples and queues them. Logs when the target starts or stops
     * failing, or serving lines that do not parse (once per change, not per scrape). Returns the samples taken.
     */
    public int take(ScrapeResult result, long nowNanos) {
        scraping = false;
        noteHealth(result);
        if (!result.succeeded()) {
            return 0;
        }
        Exposition exposition = result.exposition();
        reserve(exposition.samples().size());
        for (ScrapedSample sample : exposition.samples()) {
            waiting.add(encoder.encode(sample, result.startedEpochMs()).getBytes(StandardCharsets.UTF_8));
            nextSequence++;
        }
        feed(nowNanos);
        return exposition.samples().size();
    }

    /** Moves waiting samples into the open batch and seals it once due. */
    public void feed(long nowNanos) {
        while (!waiting.isEmpty()) {
            long sequence = nextSequence - waiting.size();
            byte[] sample = waiting.peekFirst();
            if (!queue.offer(offered.set(sequence, sequence + 1, sample, 0, sample.length, false), nowNanos)) {
                break;
            }
            waiting.pollFirst();
        }
        queue.sealIfDue(nowNanos, shipSource);
    }

    /** Whether every number in use is covered by the reservation on disk, so its batches may leave. */
    public boolean isRegistered() {
        return durableReserve >= reservedSequence;
    }

    public void acknowledge(long nextUnackedSequence) {
        ackedSequence = Math.max(ackedSequence, nextUnackedSequence);
    }

    /** Every sample numbered below this is acknowledged. */
    public long ackedSequence() {
        return ackedSequence;
    }

    /** What the checkpoint keeps; once it is written, call {@link #markDurable} with it. */
    public ScrapeCheckpoint checkpoint() {
        return new ScrapeCheckpoint(sourceId(), target.url().toString(), ackedSequence, reservedSequence);
    }

    public void markDurable(ScrapeCheckpoint written) {
        durableReserve = Math.max(durableReserve, written.reservedSequence());
    }

    private void reserve(int samples) {
        if (nextSequence + samples > reservedSequence) {
            reservedSequence = nextSequence + samples + RESERVE_BLOCK;
        }
    }

    private void noteHealth(ScrapeResult result) {
        String problem = result.succeeded() ? null : result.failure();
        if (problem != null && failingBecause == null) {
            LOG.warn("scraping {} failed: {}; retrying every {} s and saying so once it works again", target.url(),
                    problem, target.interval().toSeconds());
        } else if (problem == null && failingBecause != null) {
            LOG.info("scraping {} works again", target.url());
        }
        failingBecause = problem;
        if (result.succeeded()) {
            boolean badLines = result.exposition().badLines() > 0;
            if (badLines && !hadBadLines) {
                LOG.warn("{}: {} lines of the exposition do not parse and are skipped (the rest is kept), e.g. {}",
                        target.url(), result.exposition().badLines(), result.exposition().firstProblems());
            } else if (!badLines && hadBadLines) {
                LOG.info("{}: every line of the exposition parses again", target.url());
            }
            hadBadLines = badLines;
        }
    }
}
