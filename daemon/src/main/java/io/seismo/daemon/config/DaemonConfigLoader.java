package io.seismo.daemon.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.seismo.daemon.journal.FsyncPolicy;
import io.seismo.daemon.route.RateLimit;
import io.seismo.rules.engine.TimeMode;
import io.seismo.sink.SinkSpec;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates {@code seismo.yaml}. Relative paths resolve against the config file's folder, so a
 * config and its rules can move together.
 */
public final class DaemonConfigLoader {
    static final String TOKEN_ENV = "SEISMO_TOKEN";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> environment;

    public DaemonConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    public DaemonConfig load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toAbsolutePath().getParent());
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }

    public DaemonConfig parse(String yaml, Path baseDir) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException("(file)", "is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        }
        ConfigNode root = new ConfigNode(tree, "");
        root.rejectUnknownKeys(Set.of("listen", "maxBodyBytes", "auth", "dataDir", "pipeline", "rulesDir",
                "rulesWatchInterval", "sources", "defaultFormat", "engine", "alerting", "sinks", "durability"));

        ConfigNode listen = root.child("listen");
        listen.rejectUnknownKeys(Set.of("host", "port"));
        ConfigNode pipeline = root.child("pipeline");
        pipeline.rejectUnknownKeys(Set.of("ringSize", "parseThreads", "journalFsync"));
        int ringSize = pipeline.integer("ringSize", 65_536, 64, 1 << 24);
        if (Integer.bitCount(ringSize) != 1) {
            throw new ConfigException("pipeline.ringSize", ringSize + " is not a power of two");
        }
        ConfigNode engine = root.child("engine");
        engine.rejectUnknownKeys(Set.of("allowedLateness", "idleTimeout", "traceGap", "maxOpenTraces", "timeMode"));
        ConfigNode alerting = root.child("alerting");

        return new DaemonConfig(
                listen.string("host", "127.0.0.1"),
                listen.integer("port", 7070, 0, 65_535),
                root.integer("maxBodyBytes", 8 << 20, 1024, 1 << 30),
                tokens(root.child("auth"), baseDir),
                resolve(baseDir, root.string("dataDir", "seismo-data")),
                ringSize,
                pipeline.integer("parseThreads", 1, 0, 64),
                durability(root.child("durability"), pipeline),
                resolve(baseDir, root.string("rulesDir", "rules")),
                root.duration("rulesWatchInterval", Duration.ofSeconds(2)),
                sources(root),
                new ParserChoice(root.string("defaultFormat", "json"), null, null, null),
                engine.duration("allowedLateness", Duration.ofSeconds(2)),
                engine.duration("idleTimeout", Duration.ofSeconds(3)),
                engine.duration("traceGap", Duration.ofSeconds(10)),
                engine.integer("maxOpenTraces", 100_000, 1, Integer.MAX_VALUE),
                timeMode(engine),
                alerting(alerting, sinks(root)),
                alerting.string("externalUrl", ""),
                sinks(root));
    }

    private static TimeMode timeMode(ConfigNode engine) {
        String mode = engine.string("timeMode", "event");
        return switch (mode) {
            case "event" -> TimeMode.EVENT;
            case "processing" -> TimeMode.PROCESSING;
            default -> throw new ConfigException(engine.path() + ".timeMode",
                    "'" + mode + "' is not a time mode (write event or processing)");
        };
    }

    /**
     * The {@code durability:} section. The older {@code pipeline.journalFsync} still works when
     * {@code durability.fsync} is not set: true is {@code batch}, false is {@code interval}.
     */
    private static DurabilityConfig durability(ConfigNode durability, ConfigNode pipeline) {
        durability.rejectUnknownKeys(Set.of("fsync", "fsyncInterval", "checkpointInterval", "shutdownTimeout"));
        DurabilityConfig defaults = DurabilityConfig.defaults();
        if (durability.has("fsync") && pipeline.has("journalFsync")) {
            throw new ConfigException("pipeline.journalFsync", "replaced by durability.fsync; set only that one");
        }
        String legacy = pipeline.has("journalFsync") ? (pipeline.bool("journalFsync", true) ? "batch" : "interval") : "batch";
        String fsync = durability.string("fsync", legacy);
        FsyncPolicy policy = switch (fsync) {
            case "batch" -> FsyncPolicy.BATCH;
            case "interval" -> FsyncPolicy.INTERVAL;
            default -> throw new ConfigException(durability.path() + ".fsync", "'" + fsync + "' is not one of batch, interval");
        };
        return new DurabilityConfig(policy,
                positive(durability, "fsyncInterval", defaults.fsyncInterval()),
                positive(durability, "checkpointInterval", defaults.checkpointInterval()),
                positive(durability, "shutdownTimeout", defaults.shutdownTimeout()));
    }

    /** The {@code alerting:} section: pacing, {@code for}, resolve hysteresis, give-up age, grouping, routes. */
    private static AlertingConfig alerting(ConfigNode alerting, List<SinkSpec> sinks) {
        alerting.rejectUnknownKeys(Set.of("groupWait", "repeatInterval", "externalUrl", "giveUpAfter", "for",
                "resolveAfter", "sendResolvedWhenMuted", "groupBy", "groupInterval", "route", "receivers",
                "inhibitRules"));
        AlertingConfig defaults = AlertingConfig.defaults();
        Set<String> sinkNames = new HashSet<>();
        sinks.forEach(sink -> sinkNames.add(sink.name()));
        List<ReceiverConfig> receivers = receivers(alerting, sinkNames);
        Set<String> receiverNames = new HashSet<>(sinkNames); // a sink is a receiver of its own too
        receivers.forEach(receiver -> receiverNames.add(receiver.name()));
        List<String> groupBy = alerting.strings("groupBy");
        return new AlertingConfig(
                alerting.duration("groupWait", defaults.groupWait()),
                positive(alerting, "repeatInterval", defaults.repeatInterval()),
                positive(alerting, "giveUpAfter", defaults.giveUpAfter()),
                alerting.duration("for", defaults.pendingFor()),
                alerting.duration("resolveAfter", defaults.resolveAfter()),
                alerting.bool("sendResolvedWhenMuted", defaults.sendResolvedWhenMuted()),
                groupBy.isEmpty() ? defaults.groupBy() : groupBy,
                alerting.duration("groupInterval", defaults.groupInterval()),
                alerting.has("route") ? route(alerting.child("route"), true, receiverNames) : null,
                receivers,
                inhibitRules(alerting));
    }

    private static List<ReceiverConfig> receivers(ConfigNode alerting, Set<String> sinkNames) {
        List<ReceiverConfig> receivers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode receiver : alerting.list("receivers")) {
            receiver.rejectUnknownKeys(Set.of("name", "sinks", "rateLimit"));
            String name = receiver.requiredString("name");
            if (!names.add(name)) {
                throw new ConfigException(receiver.path() + ".name", "'" + name + "' is used by another receiver");
            }
            List<String> members = receiver.strings("sinks");
            for (String sink : members) {
                if (!sinkNames.contains(sink)) {
                    throw new ConfigException(receiver.path() + ".sinks", "no sink is named '" + sink + "'");
                }
            }
            String rate = receiver.string("rateLimit", null);
            try {
                receivers.add(new ReceiverConfig(name, members, rate == null ? null : RateLimit.parse(rate)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(receiver.path() + ".rateLimit", e.getMessage());
            }
        }
        return receivers;
    }

    private static RouteConfig route(ConfigNode route, boolean root, Set<String> receiverNames) {
        route.rejectUnknownKeys(Set.of("receiver", "matchers", "groupBy", "groupWait", "groupInterval",
                "repeatInterval", "continue", "routes"));
        String receiver = route.string("receiver", null);
        if (root && receiver == null) {
            throw new ConfigException(route.path() + ".receiver", "the root route needs a receiver (the default)");
        }
        if (receiver != null && !receiverNames.contains(receiver)) {
            throw new ConfigException(route.path() + ".receiver", "no receiver or sink is named '" + receiver + "'");
        }
        if (root && (route.has("matchers") || route.has("continue"))) {
            throw new ConfigException(route.path(), "the root route takes every alert: no matchers or continue");
        }
        List<RouteConfig> children = new ArrayList<>();
        for (ConfigNode child : route.list("routes")) {
            children.add(route(child, false, receiverNames));
        }
        return new RouteConfig(receiver, route.strings("matchers"),
                route.has("groupBy") ? route.strings("groupBy") : null,
                route.has("groupWait") ? route.duration("groupWait", null) : null,
                route.has("groupInterval") ? route.duration("groupInterval", null) : null,
                route.has("repeatInterval") ? positive(route, "repeatInterval", null) : null,
                route.bool("continue", false), children);
    }

    private static List<InhibitRuleConfig> inhibitRules(ConfigNode alerting) {
        List<InhibitRuleConfig> rules = new ArrayList<>();
        for (ConfigNode rule : alerting.list("inhibitRules")) {
            rule.rejectUnknownKeys(Set.of("sourceMatchers", "targetMatchers", "equal"));
            if (rule.strings("sourceMatchers").isEmpty() || rule.strings("targetMatchers").isEmpty()) {
                throw new ConfigException(rule.path(), "an inhibit rule needs sourceMatchers and targetMatchers");
            }
            rules.add(new InhibitRuleConfig(rule.strings("sourceMatchers"), rule.strings("targetMatchers"),
                    rule.strings("equal")));
        }
        return rules;
    }

    private static Duration positive(ConfigNode node, String key, Duration fallback) {
        Duration value = node.duration(key, fallback);
        if (value.isZero() || value.isNegative()) {
            throw new ConfigException(node.path() + "." + key, "must be longer than zero");
        }
        return value;
    }

    private List<String> tokens(ConfigNode auth, Path baseDir) {
        auth.rejectUnknownKeys(Set.of("tokens", "tokenFile"));
        List<String> tokens = new ArrayList<>(auth.strings("tokens"));
        String tokenFile = auth.string("tokenFile", null);
        if (tokenFile != null) {
            try {
                for (String line : Files.readAllLines(resolve(baseDir, tokenFile), StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        tokens.add(line.trim());
                    }
                }
            } catch (IOException e) {
                throw new ConfigException("auth.tokenFile", "cannot be read: " + e.getMessage());
            }
        }
        String fromEnv = environment.get(TOKEN_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            tokens.add(fromEnv.trim());
        }
        if (tokens.isEmpty()) {
            throw new ConfigException("auth.tokens",
                    "no ingest token configured (set auth.tokens, auth.tokenFile or " + TOKEN_ENV + ")");
        }
        return tokens;
    }

    private static List<SourceRule> sources(ConfigNode root) {
        List<SourceRule> rules = new ArrayList<>();
        for (ConfigNode source : root.list("sources")) {
            source.rejectUnknownKeys(Set.of("service", "path", "format", "pattern", "timeFormat", "timeZone"));
            String format = source.requiredString("format");
            if (!Set.of("json", "logfmt", "regex", "raw").contains(format)) {
                throw new ConfigException(source.path() + ".format",
                        "'" + format + "' is not one of json, logfmt, regex, raw");
            }
            if (format.equals("regex")) {
                source.requiredString("pattern");
            }
            rules.add(new SourceRule(source.string("service", null), source.string("path", null),
                    new ParserChoice(format, source.string("pattern", null), source.string("timeFormat", null),
                            source.string("timeZone", null))));
        }
        return rules;
    }

    private static List<SinkSpec> sinks(ConfigNode root) {
        List<SinkSpec> sinks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode sink : root.list("sinks")) {
            String type = sink.requiredString("type");
            String name = sink.string("name", type);
            if (!names.add(name)) {
                throw new ConfigException(sink.path() + ".name", "'" + name + "' is used by another sink");
            }
            Map<String, Object> options = sink.asMap();
            options.remove("type");
            options.remove("name");
            sinks.add(new SinkSpec(name, type, options));
        }
        if (sinks.isEmpty()) {
            sinks.add(new SinkSpec("stdout", "stdout", Map.of()));
        }
        return sinks;
    }

    private static Path resolve(Path baseDir, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
    }
}
