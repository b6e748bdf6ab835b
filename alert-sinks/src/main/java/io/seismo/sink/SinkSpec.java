package io.seismo.sink;

import java.util.Map;

/** One configured sink: its name, its type and its type-specific options as read from the YAML config. */
public record SinkSpec(String name, String type, Map<String, Object> options) {
    public SinkSpec {
        options = Map.copyOf(options);
    }
}
