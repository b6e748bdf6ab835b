package io.seismo.daemon;

import io.seismo.daemon.alerting.AlertDispatcher;
import io.seismo.daemon.alerting.AlertPolicies;
import io.seismo.daemon.alerting.AlertPolicy;
import io.seismo.daemon.alerting.AlertSilencer;
import io.seismo.daemon.alerting.AlertingOptions;
import io.seismo.daemon.match.Matchers;
import io.seismo.daemon.route.LabelMatcher;
import io.seismo.daemon.checkpoint.AlertingState;
import io.seismo.daemon.checkpoint.CheckpointFault;
import io.seismo.daemon.checkpoint.CheckpointStore;
import io.seismo.daemon.checkpoint.Checkpointer;
import io.seismo.daemon.checkpoint.DurabilityMetrics;
import io.seismo.daemon.checkpoint.Recovery;
import io.seismo.daemon.checkpoint.StoredCheckpoint;
import io.seismo.daemon.config.DaemonConfig;
import io.seismo.daemon.config.DurabilityConfig;
import io.seismo.daemon.config.ParserChoice;
import io.seismo.daemon.correlate.EngineCorrelator;
import io.seismo.daemon.correlate.FindingsRelay;
import io.seismo.daemon.correlate.RecentTraces;
import io.seismo.daemon.http.HttpApi;
import io.seismo.daemon.http.SilenceRoutes;
import io.seismo.daemon.silence.Silence;
import io.seismo.daemon.silence.SilenceMetrics;
import io.seismo.daemon.silence.SilenceStore;
import io.seismo.daemon.http.Readiness;
import io.seismo.daemon.ingest.BearerTokenAuth;
import io.seismo.daemon.ingest.AgentRegistry;
import io.seismo.daemon.ingest.IngestHandler;
import io.seismo.daemon.ingest.ParserTable;
import io.seismo.daemon.journal.JournalOptions;
import io.seismo.daemon.journal.SegmentedJournal;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.metrics.EpochNanos;
import io.seismo.daemon.metrics.PrometheusAlertingMetrics;
import io.seismo.daemon.metrics.RateMeter;
import io.seismo.daemon.parse.LineParser;
import io.seismo.daemon.parse.ParserFactory;
import io.seismo.daemon.parse.ParserSpec;
import io.seismo.daemon.pipeline.Pipeline;
import io.seismo.daemon.pipeline.SourceOffsets;
import io.seismo.daemon.reload.ConfigSource;
import io.seismo.daemon.reload.LoadedRule;
import io.seismo.daemon.reload.ReloadResult;
import io.seismo.daemon.reload.Reloader;
import io.seismo.daemon.reload.RulesWatcher;
import io.seismo.rules.engine.CorrelationEngine;
import io.seismo.rules.engine.EngineOptions;
import io.seismo.rules.engine.EvaluationPacing;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinks;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkSpec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * One running daemon: HTTP ingest → ring (journal ∥ parsers → correlator) → alerting → sinks.
 * {@link #start} returns once the port is open and the daemon is ready; {@link #close} stops accepting,
 * drains the ring and stops every thread within a bounded time.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** The version the jar was built as, or "dev" when run from classes. */
    public static final String VERSION = Optional.ofNullable(Daemon.class.getPackage().getImplementationVersion()).orElse("dev");
    private static final Duration TICK = Duration.ofMillis(250);
    private static final long JOURNAL_SEGMENT_BYTES = 64L << 20;
    /**
     * Keys a rule evaluates at once when the watermark passes its boundary (a few tens of microseconds); a rule
     * with more evaluates the rest between lines, so that the lines behind a boundary do not wait for them.
     */
    private static final EvaluationPacing EVALUATION_PACING = EvaluationPacing.inSlices(64);
    /** How long a checkpoint waits for alerting's state before it is skipped. */
    private static final Duration ALERTING_STATE_TIMEOUT = Duration.ofSeconds(5);
    /** Replayed lines still in the ring after the journal is read: at most a ring's worth. */
    private static final Duration REPLAY_DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private final Vertx vertx;
    private final Pipeline pipeline;
    private final AlertDispatcher alerting;
    private final Reloader reloader;
    /** Null when watching is off ({@code rulesWatchInterval: 0s}). */
    private final RulesWatcher rulesWatcher;
    private final Checkpointer checkpointer;
    private final ScheduledExecutorService ticker;
    private final HttpServer server;
    private final DaemonMetrics metrics;
    private final Readiness readiness;
    private final Duration shutdownTimeout;
    private final Instant startedAt;
    /** Parses the label matchers of routes and inhibit rules (Alertmanager syntax). */
    private static final Function<List<String>, LabelMatcher> MATCHERS = list -> Matchers.parse(list)::matches;
    private final AtomicBoolean closing = new AtomicBoolean();

    private Daemon(Vertx vertx, Pipeline pipeline, AlertDispatcher alerting, Reloader reloader, RulesWatcher rulesWatcher,
                   Checkpointer checkpointer, ScheduledExecutorService ticker, HttpServer server, DaemonMetrics metrics,
                   Readiness readiness, Duration shutdownTimeout, Instant startedAt) {
        this.vertx = vertx;
        this.pipeline = pipeline;
        this.alerting = alerting;
        this.reloader = reloader;
        this.rulesWatcher = rulesWatcher;
        this.checkpointer = checkpointer;
        this.ticker = ticker;
        this.server = server;
        this.metrics = metrics;
        this.readiness = readiness;
        this.shutdownTimeout = shutdownTimeout;
        this.startedAt = startedAt;
    }

    /**
     * Starts a daemon. Throws {@link io.seismo.rules.dsl.RuleLoadException} when a rule file does not compile,
     * and {@link IllegalArgumentException} for a bad sink or parser setting: the daemon refuses to start with them.
     */
    public static Daemon start(DaemonConfig config) throws Exception {
        return start(() -> config);
    }

    /**
     * Starts a daemon from a config source that {@link #reload} reads again (the config file, as a rule); throws
     * {@link io.seismo.daemon.config.ConfigException} for a bad config, and otherwise as {@link #start(DaemonConfig)}.
     * The HTTP port opens first and answers {@code /readyz} and ingest with 503 while the state is recovered
     * (checkpoint, then journal replay); this returns once the daemon is ready.
     */
    public static Daemon start(ConfigSource source) throws Exception {
        DaemonConfig config = source.load();
        DurabilityConfig durability = config.durability();
        Clock clock = Clock.systemUTC();
        RuleSet rules = RuleSet.loadDirectory(config.rulesDir());
        ParserTable parserTable = new ParserTable(config);
        for (ParserChoice choice : parserTable.choices()) {
            parser(choice); // validates every pattern and time format before anything starts
        }
        DaemonMetrics metrics = new DaemonMetrics();
        DurabilityMetrics durabilityMetrics = new DurabilityMetrics(metrics.registry(), clock);
        metrics.rulesLoaded.set(rules.rules().size());
        Readiness readiness = new Readiness("starting: recovering state from the last checkpoint and the journal");
        Vertx vertx = Vertx.vertx();
        List<AlertSink> sinks = new ArrayList<>();
        AlertDispatcher alerting = null;
        Pipeline pipeline = null;
        Checkpointer checkpointer = null;
        ScheduledExecutorService ticker = null;
        HttpServer server = null;
        try {
            Function<SinkSpec, AlertSink> sinkFactory = spec -> AlertSinks.create(spec, new SinkContext(vertx));
            for (var spec : config.sinks()) {
                sinks.add(sinkFactory.apply(spec));
            }
            SilenceMetrics silenceMetrics = new SilenceMetrics(metrics.registry());
            SilenceStore silences = SilenceStore.open(config.dataDir().resolve("silences.json"), clock, silenceMetrics::loadFailed);
            silenceMetrics.export(silences);
            AlertSilencer silencer = (labels, now) -> silences.silencing(labels, now).map(Silence::id);
            AlertPolicy policy = AlertPolicies.fromConfig(config.alerting(), MATCHERS, silencer);
            alerting = new AlertDispatcher(AlertingOptions.from(config.alerting(), config.externalUrl()), sinks, clock,
                    new PrometheusAlertingMetrics(metrics), config.dataDir(), policy);
            AlertDispatcher dispatcher = alerting;
            AlertingState alertingState = AlertingState.of(dispatcher::snapshotAfterQueued, dispatcher::restore);
            RecentTraces traces = new RecentTraces(10_000);
            FindingsRelay relay = new FindingsRelay(alerting, traces, metrics.findingLatency);
            Function<RuleSet, CorrelationEngine> engines = ruleSet -> new CorrelationEngine(ruleSet, engineOptions(config), relay,
                    EVALUATION_PACING);
            EngineCorrelator correlator = new EngineCorrelator(engines.apply(rules), metrics,
                    durabilityMetrics.reloadStateRestoreFailures);
            Reloader reloader = new Reloader(source, config, rules, sinks, sinkFactory,
                    ruleSet -> correlator.replace(engines.apply(ruleSet)), alerting, metrics);
            SegmentedJournal journal = new SegmentedJournal(config.dataDir().resolve("journal"),
                    new JournalOptions(JOURNAL_SEGMENT_BYTES, durability.fsync(), durability.fsyncInterval()),
                    durabilityMetrics.journalTailTruncated::inc);
            CheckpointStore checkpoints = new CheckpointStore(config.dataDir().resolve("checkpoints"),
                    CheckpointFault.fromSystemProperties(), durabilityMetrics.checkpointFallbacks::inc);
            checkpointer = new Checkpointer(checkpoints, journal.files(), alertingState, ALERTING_STATE_TIMEOUT, durabilityMetrics);
            pipeline = new Pipeline(config.ringSize(), config.parseThreads(), journal,
                    () -> parserTable.newParsers(Daemon::parser), correlator, checkpointer, metrics);
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "seismo-ticker");
                t.setDaemon(true);
                return t;
            });
            AgentRegistry agents = new AgentRegistry();
            RateMeter ingestRate = new RateMeter();
            SourceOffsets ingestOffsets = new SourceOffsets();

            Daemon[] self = new Daemon[1];
            HttpApi api = new HttpApi(vertx, metrics, readiness);
            AlertDispatcher alertingRef = alerting;
            server = api.start(config.listenHost(), config.listenPort(), config.maxBodyBytes(),
                    new BearerTokenAuth(config.tokens(), metrics.rejectedUnauthorized),
                    new IngestHandler(pipeline, parserTable, metrics, readiness::isReady, clock, agents, ingestOffsets,
                            config.maxBodyBytes()),
                    alertingRef::activeAlertStates,
                    id -> traces.find(id).map(t -> (Object) t),
                    () -> self[0] == null ? new JsonObject().put("ready", false) : self[0].status(traces.size(), agents, ingestRate),
                    reloader, new SilenceRoutes(vertx, silences))
                    .await(30, TimeUnit.SECONDS);

            new Recovery(checkpoints, journal.files(), durabilityMetrics)
                    .recover(pipeline, correlator, alertingState, ingestOffsets, parserTable::indexFor, REPLAY_DRAIN_TIMEOUT);

            Pipeline ticking = pipeline;
            Checkpointer periodic = checkpointer;
            ticker.scheduleAtFixedRate(() -> {
                ticking.tick(EpochNanos.now(clock));
                ingestRate.sample(System.nanoTime(), (long) metrics.eventsIngested.get());
            }, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
            long checkpointMillis = durability.checkpointInterval().toMillis();
            ticker.scheduleAtFixedRate(() -> periodic.checkpointIfIdle(ticking::tryPublishBarrier),
                    checkpointMillis, checkpointMillis, TimeUnit.MILLISECONDS);
            RulesWatcher watcher = config.rulesWatchInterval().isZero() ? null
                    : new RulesWatcher(reloader::rulesDir, reloader).start(config.rulesWatchInterval());
            Daemon daemon = new Daemon(vertx, pipeline, alerting, reloader, watcher, checkpointer, ticker, server,
                    metrics, readiness, durability.shutdownTimeout(), clock.instant());
            self[0] = daemon;
            readiness.ready();
            metrics.ready.set(1);
            LOG.info("seismo daemon listening on http://{}:{} with {} rules from {}; metrics at /metrics",
                    config.listenHost(), server.actualPort(), rules.rules().size(), config.rulesDir());
            return daemon;
        } catch (Exception | Error e) {
            if (ticker != null) {
                ticker.shutdownNow();
            }
            if (server != null) {
                server.close();
            }
            if (pipeline != null) {
                pipeline.close(Duration.ofSeconds(5));
            }
            if (checkpointer != null) {
                checkpointer.close();
            }
            if (alerting != null) {
                alerting.close();
            }
            sinks.forEach(AlertSink::close);
            vertx.close();
            throw e;
        }
    }

    public int port() {
        return server.actualPort();
    }

    public boolean isReady() {
        return readiness.isReady();
    }

    /** How long {@link #close} may take; a caller that must stop for sure halts the process past it. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    public DaemonMetrics metrics() {
        return metrics;
    }

    /**
     * Reads the config source again and swaps in its rules and sinks, or changes nothing if any of them is bad.
     * Safe from any thread; reloads run one at a time. Blocks while rules compile.
     */
    public ReloadResult reload() {
        return reloader.reload();
    }

    /** The rules running now. */
    public List<LoadedRule> rules() {
        return reloader.rules();
    }

    private JsonObject status(int recentTraces, AgentRegistry agents, RateMeter ingestRate) {
        Instant now = Instant.now();
        JsonArray agentList = new JsonArray();
        for (AgentRegistry.AgentSeen agent : agents.agents()) {
            agentList.add(new JsonObject()
                    .put("agent", agent.agent())
                    .put("host", agent.host())
                    .put("lastSeen", agent.lastSeen().toString())
                    .put("secondsSinceLastBatch", Duration.between(agent.lastSeen(), now).toMillis() / 1000.0)
                    .put("batches", agent.batches())
                    .put("lines", agent.lines()));
        }
        JsonArray active = new JsonArray();
        for (Alert alert : alerting.activeAlerts()) {
            active.add(new JsonObject().put("alertname", alert.ruleName()).put("severity", alert.severity())
                    .put("summary", alert.summary()).put("startsAt", alert.startsAt().toString()));
        }
        return new JsonObject()
                .put("version", VERSION)
                .put("ready", readiness.isReady())
                .put("startedAt", startedAt.toString())
                .put("uptimeSeconds", Duration.between(startedAt, now).toSeconds())
                .put("rules", (long) metrics.rulesLoaded.get())
                .put("eventsIngested", (long) metrics.eventsIngested.get())
                .put("eventsPerSecond", Math.round(ingestRate.perSecond() * 10) / 10.0)
                .put("parseFailures", (long) metrics.parseFailures.get())
                .put("ringSize", pipeline.ringSize())
                .put("ringRemaining", pipeline.remainingCapacity())
                .put("recentTraces", recentTraces)
                .put("activeAlerts", active)
                .put("agents", agentList);
    }

    /**
     * Graceful stop: ingest answers 503 from now on; a final checkpoint barrier goes through the ring behind
     * everything already accepted (so once it is written the ring has drained and those batches are acked);
     * then the server, the pipeline, alerting and Vert.x stop. Each step waits only for what is left of the
     * shutdown timeout; a step that runs out is logged and the next one goes on.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        readiness.notReady("stopping");
        metrics.ready.set(0);
        ticker.shutdownNow();
        if (rulesWatcher != null) {
            rulesWatcher.close();
        }
        try {
            StoredCheckpoint last = checkpointer.checkpoint(id -> publishBefore(deadline, id))
                    .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            LOG.info("final checkpoint {} written at journal position {}", last.file().getFileName(), last.checkpoint().position());
        } catch (ExecutionException e) {
            LOG.warn("no final checkpoint ({}); the next start replays the journal from the previous one", String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            LOG.warn("no final checkpoint within the shutdown timeout of {}; the next start replays the journal from the previous one",
                    shutdownTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            server.close().await(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP server did not close cleanly", e);
        }
        pipeline.close(Duration.ofMillis(remainingMillis(deadline)));
        checkpointer.close();
        alerting.close();
        reloader.close();
        try {
            vertx.close().await(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("Vert.x did not close cleanly", e);
        }
        LOG.info("seismo daemon stopped");
    }

    /** Publishes a barrier, waiting for room in the ring (ingest is stopped, so room comes) until the deadline. */
    private boolean publishBefore(long deadlineNanos, long barrierId) {
        while (!pipeline.tryPublishBarrier(barrierId)) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static LineParser parser(ParserChoice choice) {
        return ParserFactory.create(new ParserSpec(choice.format(), choice.pattern(), choice.timeFormat(), choice.timeZone()));
    }

    private static EngineOptions engineOptions(DaemonConfig config) {
        return EngineOptions.defaults()
                .withAllowedLatenessNanos(config.allowedLateness().toNanos())
                .withIdleTimeoutNanos(config.idleTimeout().toNanos())
                .withTraceGapNanos(config.traceGap().toNanos())
                .withMaxOpenTraces(config.maxOpenTraces())
                .withTimeMode(config.timeMode());
    }
}
