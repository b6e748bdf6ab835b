package io.seismo.agent.config;

import java.util.List;

/**
 * One group of files to tail: glob patterns (relative ones already resolved against the config's folder)
 * and the service name attached to every line read from them.
 */
public record InputSpec(List<String> paths, String service) {
    public InputSpec {
        ConfigChecks.present("inputs.paths", paths);
        if (paths.isEmpty()) {
            throw new AgentConfigException("inputs.paths", "must list at least one glob pattern");
        }
        for (String p : paths) {
            ConfigChecks.notBlank("inputs.paths", p);
        }
        paths = List.copyOf(paths);
        ConfigChecks.notBlank("inputs.service", service);
    }
}
