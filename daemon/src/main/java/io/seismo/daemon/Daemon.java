package io.seismo.daemon;

import io.seismo.daemon.alerting.AlertDispatcher;
import io.seismo.daemon.alerting.AlertingOptions;
import io.seismo.daemon.config.DaemonConfig;
import io.seismo.daemon.config.ParserChoice;
import io.seismo.daemon.correlate.EngineCorrelator;
import io.seismo.daemon.correlate.FindingsRelay;
import io.seismo.daemon.correlate.RecentTraces;
import io.seismo.daemon.http.HttpApi;
import io.seismo.daemon.ingest.BearerTokenAuth;
import io.seismo.daemon.ingest.AgentRegistry;
import io.seismo.daemon.ingest.IngestHandler;
import io.seismo.daemon.ingest.ParserTable;
import io.seismo.daemon.journal.SegmentedJournal;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.metrics.PrometheusAlertingMetrics;
import io.seismo.daemon.metrics.RateMeter;
import io.seismo.daemon.parse.LineParser;
import io.seismo.daemon.parse.ParserFactory;
import io.seismo.daemon.parse.ParserSpec;
import io.seismo.daemon.pipeline.Pipeline;
import io.seismo.daemon.reload.ConfigSource;
import io.seismo.daemon.reload.LoadedRule;
import io.seismo.daemon.reload.ReloadResult;
import io.seismo.daemon.reload.Reloader;
import io.seismo.rules.engine.CorrelationEngine;
import io.seismo.rules.engine.EngineOptions;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private static final int JOURNAL_SEGMENTS_KEPT = 8;

    private final Vertx vertx;
    private final Pipeline pipeline;
    private final AlertDispatcher alerting;
    private final Reloader reloader;
    private final ScheduledExecutorService ticker;
    private final HttpServer server;
    private final DaemonMetrics metrics;
    private final Instant startedAt;
    private volatile boolean ready;

    private Daemon(Vertx vertx, Pipeline pipeline, AlertDispatcher alerting, Reloader reloader,
                   ScheduledExecutorService ticker, HttpServer server, DaemonMetrics metrics, Instant startedAt) {
        this.vertx = vertx;
        this.pipeline = pipeline;
        this.alerting = alerting;
        this.reloader = reloader;
        this.ticker = ticker;
        this.server = server;
        this.metrics = metrics;
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
     */
    public static Daemon start(ConfigSource source) throws Exception {
        DaemonConfig config = source.load();
        Clock clock = Clock.systemUTC();
        RuleSet rules = RuleSet.loadDirectory(config.rulesDir());
        ParserTable parserTable = new ParserTable(config);
        for (ParserChoice choice : parserTable.choices()) {
            parser(choice); // validates every pattern and time format before anything starts
        }
        DaemonMetrics metrics = new DaemonMetrics();
        metrics.rulesLoaded.set(rules.rules().size());
        Vertx vertx = Vertx.vertx();
        List<AlertSink> sinks = new ArrayList<>();
        AlertDispatcher alerting = null;
        Pipeline pipeline = null;
        ScheduledExecutorService ticker = null;
        try {
            Function<SinkSpec, AlertSink> sinkFactory = spec -> AlertSinks.create(spec, new SinkContext(vertx));
            for (var spec : config.sinks()) {
                sinks.add(sinkFactory.apply(spec));
            }
            alerting = new AlertDispatcher(alertingOptions(config), sinks, clock, new PrometheusAlertingMetrics(metrics));
            RecentTraces traces = new RecentTraces(10_000);
            FindingsRelay relay = new FindingsRelay(alerting, traces);
            Function<RuleSet, CorrelationEngine> engines = ruleSet -> new CorrelationEngine(ruleSet, engineOptions(config), relay);
            EngineCorrelator correlator = new EngineCorrelator(engines.apply(rules), metrics);
            Reloader reloader = new Reloader(source, config, rules, sinks, sinkFactory,
                    ruleSet -> correlator.replace(engines.apply(ruleSet)), alerting, metrics);
            SegmentedJournal journal = new SegmentedJournal(config.dataDir().resolve("journal"),
                    JOURNAL_SEGMENT_BYTES, JOURNAL_SEGMENTS_KEPT, config.journalFsync());
            pipeline = new Pipeline(config.ringSize(), config.parseThreads(), journal,
                    () -> parserTable.newParsers(Daemon::parser), correlator, metrics);
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "seismo-ticker");
                t.setDaemon(true);
                return t;
            });
            Pipeline ticking = pipeline;
            AgentRegistry agents = new AgentRegistry();
            RateMeter ingestRate = new RateMeter();
            ticker.scheduleAtFixedRate(() -> {
                ticking.tick(epochNanos(clock));
                ingestRate.sample(System.nanoTime(), (long) metrics.eventsIngested.get());
            }, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);

            Daemon[] self = new Daemon[1];
            HttpApi api = new HttpApi(vertx, metrics, () -> self[0] != null && self[0].ready);
            AlertDispatcher alertingRef = alerting;
            HttpServer server = api.start(config.listenHost(), config.listenPort(), config.maxBodyBytes(),
                    new BearerTokenAuth(config.tokens(), metrics.rejectedUnauthorized),
                    new IngestHandler(pipeline, parserTable, metrics, () -> self[0] != null && self[0].ready, clock, agents),
                    alertingRef::activeAlerts,
                    id -> traces.find(id).map(t -> (Object) t),
                    () -> self[0] == null ? new JsonObject().put("ready", false) : self[0].status(traces.size(), agents, ingestRate),
                    reloader)
                    .await(30, TimeUnit.SECONDS);
            Daemon daemon = new Daemon(vertx, pipeline, alerting, reloader, ticker, server, metrics, clock.instant());
            self[0] = daemon;
            daemon.ready = true;
            metrics.ready.set(1);
            LOG.info("seismo daemon listening on http://{}:{} with {} rules from {}; metrics at /metrics",
                    config.listenHost(), server.actualPort(), rules.rules().size(), config.rulesDir());
            return daemon;
        } catch (Exception | Error e) {
            if (ticker != null) {
                ticker.shutdownNow();
            }
            if (pipeline != null) {
                pipeline.close(Duration.ofSeconds(5));
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
        return ready;
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
                .put("ready", ready)
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

    /** Stops accepting, lets the ring drain through every handler, then stops alerting and the server. */
    @Override
    public void close() {
        ready = false;
        metrics.ready.set(0);
        try {
            server.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP server did not close cleanly", e);
        }
        ticker.shutdownNow();
        pipeline.close(Duration.ofSeconds(10));
        alerting.close();
        reloader.close();
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Vert.x did not close cleanly", e);
        }
        LOG.info("seismo daemon stopped");
    }

    private static LineParser parser(ParserChoice choice) {
        return ParserFactory.create(new ParserSpec(choice.format(), choice.pattern(), choice.timeFormat(), choice.timeZone()));
    }

    private static EngineOptions engineOptions(DaemonConfig config) {
        return EngineOptions.defaults()
                .withAllowedLatenessNanos(config.allowedLateness().toNanos())
                .withIdleTimeoutNanos(config.idleTimeout().toNanos())
                .withTraceGapNanos(config.traceGap().toNanos())
                .withMaxOpenTraces(config.maxOpenTraces());
    }

    private static AlertingOptions alertingOptions(DaemonConfig config) {
        return AlertingOptions.defaults()
                .withGroupWait(config.groupWait())
                .withRepeatInterval(config.repeatInterval())
                .withExternalUrl(config.externalUrl());
    }

    private static long epochNanos(Clock clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
