package io.seismo.daemon.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * The daemon's self-metrics, one registry per daemon. Label children used on the hot path are resolved
 * once and kept in fields, so counting an event is one {@code inc()}.
 */
public final class DaemonMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();

    public final CounterDataPoint eventsIngested;
    public final CounterDataPoint bytesIngested;
    public final CounterDataPoint malformedLines;
    public final CounterDataPoint duplicateLines;
    public final CounterDataPoint rejectedUnauthorized;
    public final CounterDataPoint rejectedTooLarge;
    public final CounterDataPoint rejectedRingFull;
    public final CounterDataPoint rejectedNotReady;
    public final CounterDataPoint rejectedMalformed;
    public final ParseFailures parseFailures;
    public final AgentIngest agentIngest;
    public final ServiceHealth serviceHealth;
    public final HandlerLag handlerLag;
    public final RuleMetrics ruleMetrics;
    public final CounterDataPoint eventsCorrelated;
    public final CounterDataPoint lateEvents;
    public final CounterDataPoint tracesEvicted;
    public final CounterDataPoint ruleErrors;
    public final CounterDataPoint findingsThreshold;
    public final CounterDataPoint findingsCascade;
    public final CounterDataPoint journalBytes;
    public final CounterDataPoint journalFailures;
    public final Histogram journalCommitSeconds;
    public final FindingLatency findingLatency;
    public final IngestWait ingestWait;
    public final Gauge openTraces;
    public final Gauge watermarkSeconds;
    public final Gauge rulesLoaded;
    public final CounterDataPoint reloads;
    public final CounterDataPoint reloadFailures;
    public final Gauge ready;
    private final Counter handlerErrors;
    private final Counter alertNotifications;
    private final Counter alertDeliveryFailures;
    private final Counter alertDeliveryGiveUps;
    private final Counter notificationsRateLimited;
    private final Counter alertDeliveryRejected;
    public final CounterDataPoint findingsRejected;
    public final CounterDataPoint alertsInhibited;
    public final Gauge alertsActive;
    public final CounterDataPoint outboxWriteFailures;
    public final CounterDataPoint outboxRecordsSkipped;
    public final CounterDataPoint outboxSyncs;
    public final CounterDataPoint outboxDuplicatesDropped;
    private final Gauge alertsByState;
    private final Histogram sinkDeliverySeconds;

    public DaemonMetrics() {
        this(LabelCaps.DEFAULTS, () -> Clock.systemUTC().millis() / 1000);
    }

    /**
     * @param caps        how many agents, services and rules get their own series
     * @param epochSecond wall-clock seconds, for the per-service error ratio over the last minute
     */
    public DaemonMetrics(LabelCaps caps, LongSupplier epochSecond) {
        Counter labelOverflow = Counter.builder().name("seismo_metric_label_overflow")
                .help("Uses of a label value past the label's cap, counted under the value \"other\", by label")
                .labelNames("label").register(registry);
        agentIngest = new AgentIngest(registry, caps.agents(), labelOverflow.labelValues("agent"));
        serviceHealth = new ServiceHealth(registry, caps.services(), labelOverflow.labelValues("service"), epochSecond);
        ruleMetrics = new RuleMetrics(registry, caps.rules(), labelOverflow.labelValues("rule"));
        handlerLag = new HandlerLag(registry);
        parseFailures = new ParseFailures(registry);
        eventsIngested = counter("seismo_ingest_events", "Log lines accepted by ingest");
        bytesIngested = counter("seismo_ingest_bytes", "Bytes of log lines accepted by ingest");
        malformedLines = counter("seismo_ingest_malformed_lines", "NDJSON lines of a batch that were not valid envelopes and were skipped");
        duplicateLines = counter("seismo_ingest_duplicate_lines", "Lines dropped because their source had already sent them (agent retries)");
        Counter rejected = Counter.builder().name("seismo_ingest_rejected_requests")
                .help("Ingest requests refused, by reason").labelNames("reason").register(registry);
        rejectedUnauthorized = rejected.labelValues("unauthorized");
        rejectedTooLarge = rejected.labelValues("too_large");
        rejectedRingFull = rejected.labelValues("ring_full");
        rejectedNotReady = rejected.labelValues("not_ready");
        rejectedMalformed = rejected.labelValues("malformed_body");
        eventsCorrelated = counter("seismo_correlator_events", "Events handed to the correlation engine");
        lateEvents = counter("seismo_late_events", "Events that arrived behind the watermark");
        tracesEvicted = counter("seismo_traces_evicted", "Open traces evicted because the bound on open traces was reached");
        ruleErrors = counter("seismo_rule_errors", "Rule evaluations that threw");
        Counter findings = Counter.builder().name("seismo_findings").help("Findings emitted by rules, by kind")
                .labelNames("kind").register(registry);
        findingsThreshold = findings.labelValues("threshold");
        findingsCascade = findings.labelValues("cascade");
        journalBytes = counter("seismo_journal_bytes", "Bytes appended to the journal");
        journalFailures = counter("seismo_journal_write_failures", "Journal commits that failed; their batches were refused");
        journalCommitSeconds = Histogram.builder().name("seismo_journal_commit_seconds")
                .help("Time to write and fsync one group commit of the journal")
                .classicOnly()
                .classicUpperBounds(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1)
                .register(registry);
        findingLatency = new FindingLatency(registry, Clock.systemUTC());
        ingestWait = new IngestWait(registry, Clock.systemUTC());
        openTraces = Gauge.builder().name("seismo_open_traces").help("Traces being assembled").register(registry);
        watermarkSeconds = Gauge.builder().name("seismo_watermark_seconds").help("Event-time watermark of the correlation engine, as Unix seconds").register(registry);
        rulesLoaded = Gauge.builder().name("seismo_rules_loaded").help("Rules loaded and running").register(registry);
        reloads = counter("seismo_reloads", "Reloads of rules and sinks that took effect");
        reloadFailures = counter("seismo_reload_failures", "Reloads refused (bad config, rule or sink); the running rules and sinks stayed");
        ready = Gauge.builder().name("seismo_ready").help("1 when the daemon accepts input").register(registry);
        handlerErrors = Counter.builder().name("seismo_pipeline_handler_errors")
                .help("Exceptions caught in pipeline handlers, by handler").labelNames("handler").register(registry);
        alertNotifications = Counter.builder().name("seismo_alert_notifications")
                .help("Notifications delivered, by sink and status").labelNames("sink", "status").register(registry);
        alertDeliveryFailures = Counter.builder().name("seismo_alert_delivery_failures")
                .help("Failed delivery attempts, by sink").labelNames("sink").register(registry);
        alertDeliveryGiveUps = Counter.builder().name("seismo_alert_delivery_giveups")
                .help("Notifications given up after retrying past the give-up age, by sink").labelNames("sink").register(registry);
        notificationsRateLimited = Counter.builder().name("seismo_alert_notifications_rate_limited")
                .help("Notifications held back by a receiver's rate limit, by receiver").labelNames("receiver").register(registry);
        alertDeliveryRejected = Counter.builder().name("seismo_alert_delivery_rejected")
                .help("Notifications a sink refused for good (not retryable), by sink").labelNames("sink").register(registry);
        findingsRejected = counter("seismo_findings_rejected", "Findings alerting could not use and skipped");
        alertsInhibited = counter("seismo_alerts_inhibited", "Per-service alerts inhibited by a cascade");
        alertsActive = Gauge.builder().name("seismo_alerts_active").help("Alerts firing now").register(registry);
        outboxWriteFailures = counter("seismo_outbox_write_failures", "Outbox records not written or synced; their notifications went out without a durable copy");
        outboxSyncs = counter("seismo_outbox_syncs", "Outbox fsyncs: one per batch of new notifications, and one a tick for the settlements written since");
        outboxRecordsSkipped = counter("seismo_outbox_records_skipped", "Torn or corrupt outbox records skipped when the outbox was reopened");
        outboxDuplicatesDropped = counter("seismo_outbox_duplicates_dropped", "Notifications dropped because the outbox already held or settled them (replay after a crash)");
        alertsByState = Gauge.builder().name("seismo_alerts")
                .help("Alerts known to alerting now, by state (firing, inhibited, silenced)").labelNames("state").register(registry);
        alertsByState.labelValues("firing");
        sinkDeliverySeconds = Histogram.builder().name("seismo_sink_delivery_seconds")
                .help("Time from handing a notification to a sink until the sink accepted or refused it, by sink")
                .labelNames("sink")
                .classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
                .register(registry);
        JvmMetrics.builder().register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** Registers a gauge read at scrape time, for values owned by another component (ring capacity). */
    public void gauge(String name, String help, LongSupplier value) {
        GaugeWithCallback.builder().name(name).help(help)
                .callback(cb -> cb.call(value.getAsLong())).register(registry);
    }

    public CounterDataPoint handlerErrors(String handler) {
        return handlerErrors.labelValues(handler);
    }

    public CounterDataPoint alertNotifications(String sink, String status) {
        return alertNotifications.labelValues(sink, status);
    }

    public CounterDataPoint alertDeliveryFailures(String sink) {
        return alertDeliveryFailures.labelValues(sink);
    }

    public CounterDataPoint alertDeliveryGiveUps(String sink) {
        return alertDeliveryGiveUps.labelValues(sink);
    }

    public CounterDataPoint notificationsRateLimited(String receiver) {
        return notificationsRateLimited.labelValues(receiver);
    }

    public CounterDataPoint alertDeliveryRejected(String sink) {
        return alertDeliveryRejected.labelValues(sink);
    }

    /** The gauge child of one alert state ({@code firing}, {@code inhibited}, {@code silenced}). */
    public GaugeDataPoint alertsInState(String state) {
        return alertsByState.labelValues(state);
    }

    /** The delivery-latency histogram child of one sink; sinks are few and named in the config. */
    public DistributionDataPoint sinkDeliverySeconds(String sink) {
        return sinkDeliverySeconds.labelValues(sink);
    }

    private Counter counter(String name, String help) {
        return Counter.builder().name(name).help(help).register(registry);
    }
}
