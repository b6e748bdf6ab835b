package io.seismo.agent;

import io.seismo.agent.checkpoint.CheckpointStore;
import io.seismo.agent.checkpoint.StateDirLock;
import io.seismo.agent.config.AgentConfig;
import io.seismo.agent.discovery.FileDiscovery;
import io.seismo.agent.metrics.MetricsServer;
import io.seismo.agent.scrape.Scraper;
import io.seismo.agent.ship.BatchSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The log-shipping agent: tails the configured files and ships their lines to the daemon, resuming after a
 * restart from the last offsets the daemon acknowledged. One scheduler thread does all the work; each request
 * to the daemon blocks a thread of its own while it is on its way (the JDK's HTTP client is kept for scrapes).
 * Idle, it wakes once per {@code pollInterval} to look at the files.
 *
 * <pre>{@code
 * try (Agent agent = Agent.start(config)) {
 *     ...
 * }
 * }</pre>
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    /** How long {@link #close} waits for answers to requests already sent, so fewer lines are sent twice. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(5);

    private final AgentConfig config;
    private final ScheduledExecutorService loopThread;
    private final ExecutorService httpThreads;
    private final BatchSender sender;
    private final StateDirLock lock;
    private final AgentLoop loop;
    private final ScheduledFuture<?> polls;
    /** Null unless {@code metrics.listen} is set. */
    private final MetricsServer metricsServer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile AgentStats finalStats;

    private Agent(AgentConfig config, ScheduledExecutorService loopThread, ExecutorService httpThreads,
                  BatchSender sender, StateDirLock lock, AgentLoop loop) {
        this.config = config;
        this.loopThread = loopThread;
        this.httpThreads = httpThreads;
        this.sender = sender;
        this.lock = lock;
        this.loop = loop;
        this.polls = loopThread.scheduleWithFixedDelay(loop::tick, 0, config.pollInterval().toNanos(),
                TimeUnit.NANOSECONDS);
        this.metricsServer = config.metricsListen() == null ? null : startMetrics(config.metricsListen());
    }

    /** The server only calls back on requests, after construction has finished. */
    private MetricsServer startMetrics(InetSocketAddress listen) {
        try {
            MetricsServer server = MetricsServer.start(listen, this::stats);
            LOG.info("serving agent metrics at http://{}:{}/metrics", listen.getHostString(), server.address().getPort());
            return server;
        } catch (IOException | RuntimeException e) {
            close();
            throw new IllegalStateException("cannot serve metrics on " + listen.getHostString() + ":" + listen.getPort()
                    + " (metrics.listen): " + e.getMessage(), e);
        }
    }

    /**
     * Locks the state folder, reads the checkpoint and starts tailing.
     *
     * @throws IllegalStateException if the state folder cannot be used (not writable, or another agent's)
     */
    public static Agent start(AgentConfig config) {
        StateDirLock lock;
        CheckpointStore.Restored restored;
        CheckpointStore store = new CheckpointStore(config.stateDir());
        try {
            lock = StateDirLock.acquire(config.stateDir());
        } catch (IOException e) {
            throw new IllegalStateException("cannot use state folder " + config.stateDir() + ": " + e.getMessage(), e);
        }
        try {
            restored = store.load();
        } catch (IOException e) {
            lock.close();
            throw new IllegalStateException("cannot read checkpoint " + store.file() + ": " + e.getMessage(), e);
        }
        ScheduledExecutorService loopThread = Executors.newSingleThreadScheduledExecutor(daemonThreads("seismo-agent"));
        ExecutorService httpThreads = Executors.newCachedThreadPool(daemonThreads("seismo-agent-http"));
        BatchSender sender = new BatchSender(config.daemon(), config.agentId(), config.host(), httpThreads, loopThread);
        Scraper scraper = new Scraper(httpThreads, config.daemon().connectTimeout(), System::currentTimeMillis);
        AgentLoop loop = new AgentLoop(config, store, restored, sender, scraper, loopThread);
        return new Agent(config, loopThread, httpThreads, sender, lock, loop);
    }

    /** One line for the log: what is tailed and where it goes (never the token). */
    public static String describe(AgentConfig config) {
        return "agent " + config.agentId() + " tailing " + new FileDiscovery(config.inputs()).patterns()
                + ", scraping " + config.scrapes().size() + " metric endpoint(s), shipping to " + config.daemon().url()
                + ", offsets in " + config.stateDir();
    }

    public AgentConfig config() {
        return config;
    }

    /** Where {@code /metrics} is served, with the port actually bound; null when {@code metrics.listen} is not set. */
    public InetSocketAddress metricsAddress() {
        return metricsServer == null ? null : metricsServer.address();
    }

    /** A consistent snapshot of the counters, taken on the agent's own thread. */
    public AgentStats stats() {
        AgentStats done = finalStats;
        if (done != null) {
            return done;
        }
        try {
            return loopThread.submit(loop::stats).get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading agent stats", e);
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            done = finalStats;
            if (done != null) {
                return done;
            }
            throw new IllegalStateException("agent stats unavailable: " + e, e);
        }
    }

    /**
     * Stops within a bounded time: no new reads or sends, up to 2 s for answers to requests already on their
     * way, then the acknowledged offsets (and only those) go into the checkpoint and the files are closed.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        polls.cancel(false);
        if (metricsServer != null) {
            metricsServer.close();
        }
        AgentStats last = null;
        try {
            loopThread.submit(loop::beginClose).get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!loop.awaitDrained(DRAIN_TIMEOUT)) {
                LOG.info("stopping with batches still unanswered; their lines are sent again on the next start");
            }
            last = loopThread.submit(loop::finishClose).get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.warn("agent did not stop cleanly: {}", e.toString());
        } finally {
            finalStats = last != null ? last : new AgentCounters().snapshot(0, 0, Map.of(), Map.of(), Map.of());
            loopThread.shutdownNow();
            sender.close();
            httpThreads.shutdownNow();
            awaitTermination(loopThread);
            lock.close();
        }
    }

    private static void awaitTermination(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("agent thread did not stop within {}", STEP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
