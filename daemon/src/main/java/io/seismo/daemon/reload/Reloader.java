package io.seismo.daemon.reload;

import io.seismo.daemon.alerting.AlertDispatcher;
import io.seismo.daemon.config.DaemonConfig;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.rules.dsl.RuleLoadException;
import io.seismo.rules.dsl.RuleProblem;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.sink.AlertSink;
import io.seismo.sink.SinkSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reloads the rules and the sinks from the config source, all or nothing: the new config, every rule file and
 * every sink are built first, and only when all of them are good does anything running change. Reloads run one
 * at a time; {@link #rules()} never waits for one.
 */
public final class Reloader implements ReloadControl, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);
    private static final Duration SINK_SWITCH_TIMEOUT = Duration.ofSeconds(10);

    private final Object reloading = new Object();
    private final ConfigSource source;
    private final DaemonConfig started;
    private final Function<SinkSpec, AlertSink> sinkFactory;
    private final Consumer<RuleSet> installRules;
    private final AlertDispatcher alerting;
    private final DaemonMetrics metrics;
    /** Guarded by {@link #reloading}. */
    private List<AlertSink> sinks;
    private boolean closed;
    private volatile RuleSet rules;
    private volatile Path rulesDir;
    private volatile ReloadResult lastReload;

    /**
     * @param started      the config the daemon was started with: settings other than rules and sinks are compared to it
     * @param rules        the rules running now
     * @param sinks        the sinks running now; this reloader closes them when they are replaced or on {@link #close}
     * @param installRules hands a new rule set to the correlator (which swaps engines on its own thread)
     */
    public Reloader(ConfigSource source, DaemonConfig started, RuleSet rules, List<AlertSink> sinks,
                    Function<SinkSpec, AlertSink> sinkFactory, Consumer<RuleSet> installRules,
                    AlertDispatcher alerting, DaemonMetrics metrics) {
        this.source = source;
        this.started = started;
        this.rules = rules;
        this.rulesDir = started.rulesDir();
        this.sinks = List.copyOf(sinks);
        this.sinkFactory = sinkFactory;
        this.installRules = installRules;
        this.alerting = alerting;
        this.metrics = metrics;
    }

    @Override
    public List<LoadedRule> rules() {
        return rules.rules().stream().map(LoadedRule::of).toList();
    }

    /** The rules folder of the last successful load, which the rules watcher watches. */
    public Path rulesDir() {
        return rulesDir;
    }

    @Override
    public ReloadResult lastReload() {
        return lastReload;
    }

    @Override
    public ReloadResult reload() {
        synchronized (reloading) {
            lastReload = reloadNow();
            return lastReload;
        }
    }

    /** One reload; the caller holds the reload lock. */
    private ReloadResult reloadNow() {
        if (closed) {
            return refused(List.of("the daemon is stopping"));
        }
        DaemonConfig loaded;
        try {
            loaded = source.load();
        } catch (RuntimeException e) {
            return refused(List.of("config: " + e.getMessage()));
        }
        RuleSet nextRules;
        try {
            nextRules = RuleSet.loadDirectory(loaded.rulesDir());
        } catch (RuleLoadException e) {
            return refused(e.problems().stream().map(RuleProblem::toString).toList());
        }
        List<AlertSink> nextSinks = new ArrayList<>();
        CompletableFuture<Void> sinksSwitched;
        try {
            for (SinkSpec spec : loaded.sinks()) {
                nextSinks.add(sinkFactory.apply(spec));
            }
            // Refuses duplicate names before switching anything; past this line the reload is committed.
            sinksSwitched = alerting.replaceSinks(nextSinks);
        } catch (RuntimeException e) {
            nextSinks.forEach(AlertSink::close);
            return refused(List.of("sinks: " + e.getMessage()));
        }
        installRules.accept(nextRules);
        List<AlertSink> previous = sinks;
        sinks = List.copyOf(nextSinks);
        rules = nextRules;
        rulesDir = loaded.rulesDir();
        closeOnceSwitched(sinksSwitched, previous);
        metrics.reloads.inc();
        metrics.rulesLoaded.set(nextRules.rules().size());
        LOG.info("Reloaded {} rules from {} and {} sinks", nextRules.rules().size(), loaded.rulesDir(), sinks.size());
        List<String> restartOnly = RestartOnlyKeys.changed(started, loaded);
        if (!restartOnly.isEmpty()) {
            LOG.warn("These settings changed but only take effect after a restart: {}", String.join(", ", restartOnly));
        }
        return new ReloadResult(true, nextRules.rules().size(), sinks.size(), List.of());
    }

    /** Closes the sinks running now; a reload after this is refused. Call once alerting has stopped. */
    @Override
    public void close() {
        synchronized (reloading) {
            closed = true;
            sinks.forEach(AlertSink::close);
        }
    }

    /** The old sinks may still be in use until alerting has switched; left open (and said so) if that is not confirmed. */
    private static void closeOnceSwitched(CompletableFuture<Void> switched, List<AlertSink> previous) {
        try {
            switched.get(SINK_SWITCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            previous.forEach(AlertSink::close);
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("Alerting did not confirm the switch to the new sinks within {}; the old sinks stay open", SINK_SWITCH_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ReloadResult refused(List<String> problems) {
        metrics.reloadFailures.inc();
        LOG.error("Reload refused; still running {} rules and {} sinks:\n  {}", rules.rules().size(), sinks.size(),
                String.join("\n  ", problems));
        return new ReloadResult(false, rules.rules().size(), sinks.size(), problems);
    }
}
