package io.seismo.agent;

import io.seismo.agent.checkpoint.CheckpointStore;
import io.seismo.agent.checkpoint.ScrapeCheckpoint;
import io.seismo.agent.config.AgentConfig;
import io.seismo.agent.config.ScrapeTarget;
import io.seismo.agent.discovery.FileDiscovery;
import io.seismo.agent.scrape.ScrapeResult;
import io.seismo.agent.scrape.ScrapeSource;
import io.seismo.agent.scrape.Scraper;
import io.seismo.agent.ship.Backoff;
import io.seismo.agent.ship.Batch;
import io.seismo.agent.ship.BatchSender;
import io.seismo.agent.ship.Decision;
import io.seismo.agent.ship.ResponsePolicy;
import io.seismo.agent.ship.ShipLog;
import io.seismo.agent.ship.ShipQueue;
import io.seismo.agent.ship.ShipResult;
import io.seismo.agent.ship.ShipSource;
import io.seismo.agent.tail.FileTracker;
import io.seismo.agent.tail.ReadTally;
import io.seismo.agent.tail.TrackedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * The agent's single thread of control. Every poll it discovers and checks files, reads new complete lines
 * into each file's batch, sends due batches (one in flight per file, {@code maxInFlightBatches} in all),
 * retires files that are gone, and writes the checkpoint. Answers from the daemon come back onto this same
 * thread, so no state here is shared. Offsets in the checkpoint move only when the daemon acknowledges.
 * Scrape targets ride the same path: a due target is fetched on the HTTP threads, its samples come back here,
 * are numbered, batched and sent like a file's lines, and their numbers are checkpointed like offsets.
 */
final class AgentLoop {
    private static final Logger LOG = LoggerFactory.getLogger(AgentLoop.class);
    /** Acks move offsets in memory at once; the file follows at most this much later (a crash re-sends the gap). */
    private static final long CHECKPOINT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int READ_CHUNK_BYTES = 64 * 1024;
    /** Caught up this long after a backlog, the agent gives back the heap the backlog grew ({@link HeapRelease}). */
    private static final long HEAP_RELEASE_QUIET_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long HEAP_RELEASE_SLACK_BYTES = 8 << 20;

    private final AgentConfig config;
    private final FileTracker tracker;
    private final CheckpointStore store;
    private final BatchSender sender;
    private final ResponsePolicy policy;
    private final ShipLog shipLog;
    private final Executor loopExecutor;
    private final AgentCounters counters = new AgentCounters();
    private final Map<String, ShipQueue> queues = new HashMap<>();
    private final List<ScrapeSource> scrapes;
    /** Checkpoint entries of targets no longer configured: kept so a target that comes back never reuses a number. */
    private final List<ScrapeCheckpoint> retiredScrapes;
    private final Scraper scraper;
    private final ByteBuffer scratch = ByteBuffer.allocate(READ_CHUNK_BYTES);
    private final CountDownLatch drained = new CountDownLatch(1);
    private final HeapRelease heapRelease = new HeapRelease(HEAP_RELEASE_QUIET_NANOS, HEAP_RELEASE_SLACK_BYTES,
            Runtime.getRuntime()::totalMemory, System::gc, System.nanoTime());
    private final long maxBufferedBytes;
    private final long closeInactiveNanos;
    private int inFlight;
    private int turn;
    private boolean closing;
    private boolean checkpointDirty;
    private boolean checkpointFailing;
    private long lastCheckpointNanos;

    /**
     * @param loopExecutor runs tasks on the loop's own thread; answers from the daemon are handed to it
     */
    AgentLoop(AgentConfig config, CheckpointStore store, CheckpointStore.Restored restored, BatchSender sender,
              Scraper scraper, Executor loopExecutor) {
        this.config = config;
        this.store = store;
        this.sender = sender;
        this.loopExecutor = loopExecutor;
        this.scraper = scraper;
        Map<String, ScrapeCheckpoint> saved = restored.scrapes().stream()
                .collect(Collectors.toMap(ScrapeCheckpoint::source, Function.identity(), (a, b) -> b));
        this.scrapes = new ArrayList<>();
        for (ScrapeTarget target : config.scrapes()) {
            scrapes.add(new ScrapeSource(target, config.batch(), saved.remove(target.sourceId())));
        }
        this.retiredScrapes = List.copyOf(saved.values());
        this.tracker = new FileTracker(new FileDiscovery(config.inputs()), config.maxLineBytes(), restored.entries());
        this.policy = new ResponsePolicy(new Backoff(config.retry(), () -> ThreadLocalRandom.current().nextDouble()));
        this.shipLog = new ShipLog(config.daemon().url().toString());
        this.maxBufferedBytes = (long) config.batch().maxBytes() * Math.max(2, 2 * config.maxInFlightBatches());
        this.closeInactiveNanos = config.closeInactive().toNanos();
        if (restored.problem() != null) {
            counters.checkpointErrors++;
            LOG.error("{}", restored.problem());
        }
    }

    /** One poll. Never throws: a failed poll is logged and the next one runs as usual. */
    void tick() {
        if (closing) {
            return;
        }
        try {
            poll(System.nanoTime());
        } catch (RuntimeException e) {
            LOG.error("poll failed; the next one runs as usual", e);
        }
    }

    private void poll(long now) {
        tracker.poll(now, System.currentTimeMillis());
        List<TrackedFile> files = inTurn(tracker.files());
        long buffered = bufferedBytes();
        for (TrackedFile f : files) {
            ShipQueue q = queues.computeIfAbsent(f.sourceId(), id -> new ShipQueue(config.batch()));
            buffered += readAndFeed(f, q, now, buffered);
        }
        pollScrapes(now);
        registerNewSources(files, now);
        dispatch(files, now);
        for (String retired : tracker.retire(now, now, closeInactiveNanos)) {
            queues.remove(retired);
        }
        if (checkpointDirty && now - lastCheckpointNanos >= CHECKPOINT_EVERY_NANOS) {
            writeCheckpoint(now);
        }
        heapRelease.poll(anyBatchFull(), now);
        counters.polls++;
    }

    /** Reads what fits under the agent's buffer limit, then moves the file's lines into its queue; returns the bytes read. */
    private long readAndFeed(TrackedFile f, ShipQueue q, long now, long buffered) {
        long read = 0;
        if (buffered < maxBufferedBytes) {
            ReadTally tally = f.read(scratch, config.batch().maxBytes(), now);
            counters.add(tally);
            read = tally.bytes();
        }
        feed(f, q, now);
        return read;
    }

    /** Moves verified lines into the file's batch and seals the batch once due. */
    private void feed(TrackedFile f, ShipQueue q, long now) {
        f.handTo(line -> q.offer(line, now));
        q.sealIfDue(now, new ShipSource(f.sourceId(), f.service(), String.valueOf(f.path()), ShipSource.Kind.LOG));
    }

    /** Starts the scrapes that are due (skipping a target whose earlier samples still wait) and batches samples. */
    private void pollScrapes(long now) {
        for (ScrapeSource source : scrapes) {
            if (source.isDue(now)) {
                if (source.isBackedUp()) {
                    source.scheduled(now, false);
                    counters.scrapesSkipped++;
                } else {
                    source.scheduled(now, true);
                    scraper.scrape(source.target()).thenAccept(result -> onLoop(() -> scraped(source, result)));
                }
            }
            source.feed(now);
        }
    }

    private void scraped(ScrapeSource source, ScrapeResult result) {
        long now = System.nanoTime();
        int samples = source.take(result, now);
        if (result.succeeded()) {
            counters.scrapesSucceeded++;
            counters.samplesScraped += samples;
            counters.scrapeBadLines += result.exposition().badLines();
        } else {
            counters.scrapesFailed++;
        }
        if (!closing) {
            registerNewSources(inTurn(tracker.files()), now);
            dispatch(inTurn(tracker.files()), now);
        }
    }

    /** A file's id must be in the checkpoint before the daemon first sees it, or a crash could re-mint it. */
    private void registerNewSources(List<TrackedFile> files, long now) {
        if (checkpointFailing && now - lastCheckpointNanos < CHECKPOINT_EVERY_NANOS) {
            return;
        }
        for (TrackedFile f : files) {
            ShipQueue q = queues.get(f.sourceId());
            if (!f.isRegistered() && q != null && q.hasSealed()) {
                writeCheckpoint(now);
                return;
            }
        }
        for (ScrapeSource source : scrapes) {
            if (!source.isRegistered() && source.queue().hasSealed()) {
                writeCheckpoint(now);
                return;
            }
        }
    }

    /** Scrape targets go first: they are few, and their samples, unlike lines, cannot be read again later. */
    private void dispatch(List<TrackedFile> files, long now) {
        for (ScrapeSource source : scrapes) {
            if (closing || inFlight >= config.maxInFlightBatches()) {
                return;
            }
            Batch batch = source.isRegistered() ? source.queue().takeForSending(now) : null;
            if (batch != null) {
                send(source.queue(), batch, source::acknowledge, () -> source.feed(System.nanoTime()));
            }
        }
        for (TrackedFile f : files) {
            if (closing || inFlight >= config.maxInFlightBatches()) {
                return;
            }
            ShipQueue q = queues.get(f.sourceId());
            Batch batch = q == null || !f.isRegistered() ? null : q.takeForSending(now);
            if (batch != null) {
                // After an answer the file is read again at once: a file behind by more than its read-ahead
                // would otherwise move one read-ahead per poll interval.
                send(q, batch, f::acknowledge, () -> readAndFeed(f, q, System.nanoTime(), bufferedBytes()));
            }
        }
    }

    /**
     * @param acknowledge told the offset just past the batch once the daemon has it (or it is dropped)
     * @param refill      moves the source's waiting lines into its queue after an answer
     */
    private void send(ShipQueue q, Batch batch, LongConsumer acknowledge, Runnable refill) {
        inFlight++;
        counters.batchesSent++;
        sender.send(batch).thenAccept(result -> onLoop(() -> settle(q, batch, result, acknowledge, refill)));
        // Fill the source's next batch while this one is in flight, not after its answer: reading and encoding
        // then overlap the round trip instead of adding to it (98 against 91 MB/s of backlog drain when each
        // round trip carried a 40 ms wait; with a fast sink the drain is CPU-bound and it matters less).
        onLoop(refill);
    }

    private void settle(ShipQueue q, Batch batch, ShipResult result, LongConsumer acknowledge, Runnable refill) {
        inFlight--;
        long now = System.nanoTime();
        Decision decision = policy.decide(result, q.failures(), batch.lineCount());
        shipLog.record(decision, batch);
        switch (decision.action()) {
            case ACK:
                q.settled();
                acknowledge.accept(batch.lastOffset());
                counters.batchesAcked++;
                checkpointDirty = true;
                break;
            case DROP:
                q.settled();
                acknowledge.accept(batch.lastOffset());
                counters.linesDropped += batch.lineCount();
                checkpointDirty = true;
                break;
            case SPLIT:
                q.split(now + decision.delay().toNanos());
                counters.retries++;
                break;
            default:
                q.failed(now + decision.delay().toNanos());
                counters.retries++;
        }
        if (closing) {
            if (inFlight == 0) {
                drained.countDown();
            }
            return;
        }
        refill.run();
        dispatch(inTurn(tracker.files()), now);
    }

    private void onLoop(Runnable task) {
        try {
            loopExecutor.execute(task);
        } catch (RejectedExecutionException e) {
            // The agent stopped: this answer is lost with it, and its lines are sent again after a restart.
        }
    }

    private void writeCheckpoint(long now) {
        lastCheckpointNanos = now;
        try {
            List<ScrapeCheckpoint> scrapeEntries = new ArrayList<>(retiredScrapes);
            for (ScrapeSource source : scrapes) {
                scrapeEntries.add(source.checkpoint());
            }
            store.save(tracker.checkpointEntries(System.currentTimeMillis() - config.forgetAfter().toMillis()),
                    scrapeEntries);
            tracker.markAllRegistered();
            for (int i = 0; i < scrapes.size(); i++) {
                scrapes.get(i).markDurable(scrapeEntries.get(retiredScrapes.size() + i));
            }
            checkpointDirty = false;
            checkpointFailing = false;
        } catch (IOException | RuntimeException e) {
            counters.checkpointErrors++;
            checkpointFailing = true;
            LOG.error("writing {} failed ({}); offsets stay in memory and the write is retried", store.file(),
                    e.toString());
        }
    }

    /** The files in a rotating order, so no file is always first to read and first to get a send slot. */
    private List<TrackedFile> inTurn(Collection<TrackedFile> all) {
        List<TrackedFile> files = new ArrayList<>(all);
        if (files.size() > 1) {
            Collections.rotate(files, -(turn++ % files.size()));
        }
        return files;
    }

    private boolean anyBatchFull() {
        for (ShipQueue q : queues.values()) {
            if (q.isFull()) {
                return true;
            }
        }
        return false;
    }

    private long bufferedBytes() {
        long bytes = 0;
        for (ShipQueue q : queues.values()) {
            bytes += q.bufferedBytes();
        }
        return bytes;
    }

    AgentStats stats() {
        Map<String, Long> acked = new LinkedHashMap<>();
        Map<String, Long> lag = new LinkedHashMap<>();
        for (TrackedFile f : tracker.files()) {
            if (f.path() != null) {
                acked.put(f.path().toString(), f.ackedOffset());
                if (f.isOpen()) {
                    lag.put(f.path().toString(), f.unacknowledgedBytes());
                }
            }
        }
        Map<String, Long> sequences = new LinkedHashMap<>();
        for (ScrapeSource source : scrapes) {
            sequences.put(source.target().url().toString(), source.ackedSequence());
        }
        return counters.snapshot(tracker.openFiles(), inFlight, acked, lag, sequences);
    }

    /** Stops reading and sending; answers already on their way are still taken. */
    void beginClose() {
        closing = true;
        if (inFlight == 0) {
            drained.countDown();
        }
    }

    /** Waits (from another thread) for the requests in flight at {@link #beginClose} to be answered. */
    boolean awaitDrained(Duration timeout) throws InterruptedException {
        return drained.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Writes the acknowledged offsets, closes the files, and returns the final stats. */
    AgentStats finishClose() {
        writeCheckpoint(System.nanoTime());
        AgentStats last = stats();
        tracker.closeAll();
        return last;
    }
}
