package io.seismo.sink;

import java.util.HashMap;
import java.util.Map;

/** One configured sink: its name, its type and its type-specific options as read from the YAML config. */
public record SinkSpec(String name, String type, Map<String, Object> options) {
    public SinkSpec {
        options = Map.copyOf(options);
    }

    /** The same sink with option {@code key} taken out (for options handled around the provider, like templates). */
    public SinkSpec without(String key) {
        Map<String, Object> rest = new HashMap<>(options);
        rest.remove(key);
        return new SinkSpec(name, type, rest);
    }

    /** The same sink with option {@code key} alone, when it is given. */
    public SinkSpec only(String key) {
        return new SinkSpec(name, type, options.containsKey(key) ? Map.of(key, options.get(key)) : Map.of());
    }
}
