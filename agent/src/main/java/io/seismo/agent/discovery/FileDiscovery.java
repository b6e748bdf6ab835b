package io.seismo.agent.discovery;

import io.seismo.agent.config.InputSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands every input's globs into the files that exist now. A file matched by several inputs belongs to the
 * first one, so its service never flips between polls.
 */
public final class FileDiscovery {
    private final List<Input> inputs = new ArrayList<>();

    public FileDiscovery(List<InputSpec> specs) {
        for (InputSpec spec : specs) {
            for (String glob : spec.paths()) {
                inputs.add(new Input(new PathGlob(glob), spec.service()));
            }
        }
    }

    /** The patterns in config order, for the startup log line. */
    public List<String> patterns() {
        List<String> out = new ArrayList<>();
        for (Input input : inputs) {
            out.add(input.glob.pattern() + " → " + input.service);
        }
        return out;
    }

    public List<DiscoveredFile> discover() {
        Map<Path, DiscoveredFile> found = new LinkedHashMap<>();
        for (Input input : inputs) {
            input.glob.forEachMatch((path, attrs) -> {
                Path absolute = path.toAbsolutePath().normalize();
                found.putIfAbsent(absolute, new DiscoveredFile(absolute, input.service, attrs.fileKey(), attrs.size()));
            });
        }
        return new ArrayList<>(found.values());
    }

    private record Input(PathGlob glob, String service) {
    }
}
