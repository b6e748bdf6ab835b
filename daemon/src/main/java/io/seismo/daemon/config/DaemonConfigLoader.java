package io.seismo.daemon.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
                "sources", "defaultFormat", "engine", "alerting", "sinks"));

        ConfigNode listen = root.child("listen");
        listen.rejectUnknownKeys(Set.of("host", "port"));
        ConfigNode pipeline = root.child("pipeline");
        pipeline.rejectUnknownKeys(Set.of("ringSize", "parseThreads", "journalFsync"));
        int ringSize = pipeline.integer("ringSize", 65_536, 64, 1 << 24);
        if (Integer.bitCount(ringSize) != 1) {
            throw new ConfigException("pipeline.ringSize", ringSize + " is not a power of two");
        }
        ConfigNode engine = root.child("engine");
        engine.rejectUnknownKeys(Set.of("allowedLateness", "idleTimeout", "traceGap", "maxOpenTraces"));
        ConfigNode alerting = root.child("alerting");
        alerting.rejectUnknownKeys(Set.of("groupWait", "repeatInterval", "externalUrl"));

        return new DaemonConfig(
                listen.string("host", "127.0.0.1"),
                listen.integer("port", 7070, 0, 65_535),
                root.integer("maxBodyBytes", 8 << 20, 1024, 1 << 30),
                tokens(root.child("auth"), baseDir),
                resolve(baseDir, root.string("dataDir", "seismo-data")),
                ringSize,
                pipeline.integer("parseThreads", 1, 1, 64),
                pipeline.bool("journalFsync", true),
                resolve(baseDir, root.string("rulesDir", "rules")),
                sources(root),
                new ParserChoice(root.string("defaultFormat", "json"), null, null, null),
                engine.duration("allowedLateness", Duration.ofSeconds(2)),
                engine.duration("idleTimeout", Duration.ofSeconds(3)),
                engine.duration("traceGap", Duration.ofSeconds(10)),
                engine.integer("maxOpenTraces", 100_000, 1, Integer.MAX_VALUE),
                alerting.duration("groupWait", Duration.ofSeconds(1)),
                alerting.duration("repeatInterval", Duration.ofHours(4)),
                alerting.string("externalUrl", ""),
                sinks(root));
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
