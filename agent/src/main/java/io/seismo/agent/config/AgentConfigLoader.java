package io.seismo.agent.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code agent.yaml}. Relative paths (the state folder, globs, the token file) resolve against the config
 * file's folder, so a config keeps working whatever the working directory. Unknown keys are errors.
 */
public final class AgentConfigLoader {
    /** The environment variable that supplies the token when the file names none. */
    public static final String TOKEN_ENV = "SEISMO_AGENT_TOKEN";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> environment;

    public AgentConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public AgentConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new AgentConfigException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new AgentConfigException(file.toString(), "cannot be read: " + e.getMessage());
        }
        return parse(text, file.toAbsolutePath().getParent());
    }

    /** Parses YAML text; relative paths resolve against {@code baseDir}. */
    public AgentConfig parse(String yaml, Path baseDir) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new AgentConfigException("(file)", "is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        }
        YamlSection root = new YamlSection(tree, "");
        root.rejectUnknownKeys(Set.of("agentId", "host", "daemon", "stateDir", "pollInterval", "maxLineBytes",
                "batch", "retry", "inputs", "maxInFlightBatches", "closeInactive", "forgetAfter", "scrape", "metrics"));
        YamlSection batch = root.section("batch");
        batch.rejectUnknownKeys(Set.of("maxLines", "maxBytes", "linger"));
        YamlSection retry = root.section("retry");
        retry.rejectUnknownKeys(Set.of("initialBackoff", "maxBackoff"));

        String localName = root.has("agentId") && root.has("host") ? null : HostName.local();
        return new AgentConfig(
                root.text("agentId", localName),
                root.text("host", localName),
                daemon(root.section("daemon"), baseDir),
                resolve(baseDir, root.text("stateDir", "agent-state")),
                root.duration("pollInterval", AgentConfig.DEFAULT_POLL_INTERVAL),
                root.integer("maxLineBytes", AgentConfig.DEFAULT_MAX_LINE_BYTES),
                new BatchLimits(
                        batch.integer("maxLines", BatchLimits.DEFAULT.maxLines()),
                        batch.integer("maxBytes", BatchLimits.DEFAULT.maxBytes()),
                        batch.duration("linger", BatchLimits.DEFAULT.linger())),
                new RetryBackoff(
                        retry.duration("initialBackoff", RetryBackoff.DEFAULT.initialBackoff()),
                        retry.duration("maxBackoff", RetryBackoff.DEFAULT.maxBackoff())),
                inputs(root, baseDir),
                root.integer("maxInFlightBatches", AgentConfig.DEFAULT_MAX_IN_FLIGHT),
                root.duration("closeInactive", AgentConfig.DEFAULT_CLOSE_INACTIVE),
                root.duration("forgetAfter", AgentConfig.DEFAULT_FORGET_AFTER),
                scrapes(root),
                metricsListen(root.section("metrics")));
    }

    private DaemonEndpoint daemon(YamlSection daemon, Path baseDir) {
        daemon.rejectUnknownKeys(Set.of("url", "token", "tokenFile", "requestTimeout"));
        String url = daemon.text("url", null);
        if (url == null) {
            throw new AgentConfigException(daemon.key("url"), "is required (e.g. http://127.0.0.1:7070/v1/ingest)");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new AgentConfigException(daemon.key("url"), "'" + url + "' is not a URL: " + e.getReason());
        }
        return new DaemonEndpoint(uri, token(daemon, baseDir),
                daemon.duration("requestTimeout", DaemonEndpoint.DEFAULT_REQUEST_TIMEOUT));
    }

    private String token(YamlSection daemon, Path baseDir) {
        String inline = daemon.text("token", null);
        String file = daemon.text("tokenFile", null);
        if (inline != null && file != null) {
            throw new AgentConfigException(daemon.key("tokenFile"), "set either token or tokenFile, not both");
        }
        if (inline != null) {
            return inline.trim();
        }
        if (file != null) {
            return tokenFromFile(daemon.key("tokenFile"), resolve(baseDir, file));
        }
        String fromEnv = environment.get(TOKEN_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        throw new AgentConfigException(daemon.key("token"),
                "no token configured (set daemon.token, daemon.tokenFile or " + TOKEN_ENV + ")");
    }

    private static String tokenFromFile(String key, Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    return line.trim();
                }
            }
        } catch (IOException e) {
            throw new AgentConfigException(key, file + " cannot be read: " + e);
        }
        throw new AgentConfigException(key, file + " holds no token");
    }

    private static List<InputSpec> inputs(YamlSection root, Path baseDir) {
        List<InputSpec> inputs = new ArrayList<>();
        for (YamlSection input : root.sections("inputs")) {
            input.rejectUnknownKeys(Set.of("paths", "service"));
            List<String> globs = new ArrayList<>();
            for (String glob : input.texts("paths")) {
                if (glob.isBlank()) {
                    throw new AgentConfigException(input.key("paths"), "holds an empty pattern");
                }
                globs.add(resolve(baseDir, glob).toString());
            }
            if (globs.isEmpty()) {
                throw new AgentConfigException(input.key("paths"), "must list at least one glob pattern");
            }
            String service = input.text("service", null);
            if (service == null || service.isBlank()) {
                throw new AgentConfigException(input.key("service"), "is required (the service these files belong to)");
            }
            inputs.add(new InputSpec(globs, service));
        }
        return inputs;
    }

    private static List<ScrapeTarget> scrapes(YamlSection root) {
        List<ScrapeTarget> targets = new ArrayList<>();
        for (YamlSection target : root.sections("scrape")) {
            target.rejectUnknownKeys(Set.of("url", "interval", "timeout", "service", "labels"));
            String url = target.text("url", null);
            if (url == null || url.isBlank()) {
                throw new AgentConfigException(target.key("url"), "is required (e.g. http://127.0.0.1:9187/metrics)");
            }
            URI uri;
            try {
                uri = new URI(url.trim());
            } catch (URISyntaxException e) {
                throw new AgentConfigException(target.key("url"), "'" + url + "' is not a URL: " + e.getReason());
            }
            String service = target.text("service", null);
            if (service == null || service.isBlank()) {
                throw new AgentConfigException(target.key("service"), "is required (the service these metrics belong to)");
            }
            try {
                targets.add(new ScrapeTarget(uri, target.duration("interval", ScrapeTarget.DEFAULT_INTERVAL),
                        target.duration("timeout", ScrapeTarget.DEFAULT_TIMEOUT), service, target.textMap("labels")));
            } catch (AgentConfigException e) {
                throw new AgentConfigException(target.key(e.key().substring("scrape.".length())), e.problem());
            }
        }
        return targets;
    }

    /** {@code metrics: {listen: 127.0.0.1:9091}}; no {@code listen} serves no {@code /metrics}. */
    private static InetSocketAddress metricsListen(YamlSection metrics) {
        metrics.rejectUnknownKeys(Set.of("listen"));
        String listen = metrics.text("listen", null);
        if (listen == null || listen.isBlank()) {
            return null;
        }
        int colon = listen.lastIndexOf(':');
        String host = colon > 0 ? listen.substring(0, colon).trim() : "";
        String port = colon > 0 ? listen.substring(colon + 1).trim() : "";
        if (host.isEmpty() || !port.chars().allMatch(Character::isDigit) || port.isEmpty() || port.length() > 5
                || Integer.parseInt(port) > 65_535) {
            throw new AgentConfigException(metrics.key("listen"), "'" + listen + "' must be host:port, e.g. 127.0.0.1:9091");
        }
        return InetSocketAddress.createUnresolved(host.startsWith("[") ? host.substring(1, host.length() - 1) : host,
                Integer.parseInt(port));
    }

    private static Path resolve(Path baseDir, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
    }
}
