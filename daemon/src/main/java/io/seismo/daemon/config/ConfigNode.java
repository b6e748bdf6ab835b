package io.seismo.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A position in the YAML tree that knows its own dotted path, so every error names the exact key
 * ({@code sinks[1].url: required}). Unknown keys are errors too: a typo must not silently fall back to a default.
 */
public final class ConfigNode {
    private final JsonNode node;
    private final String path;

    public ConfigNode(JsonNode node, String path) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
    }

    public String path() {
        return path;
    }

    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    public ConfigNode child(String key) {
        JsonNode v = node.get(key);
        if (v != null && !v.isNull() && !v.isObject()) {
            throw new ConfigException(key(key), "must be a mapping");
        }
        return new ConfigNode(v, key(key));
    }

    public String string(String key, String fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isValueNode()) {
            throw new ConfigException(key(key), "must be a single value");
        }
        return v.asText();
    }

    public String requiredString(String key) {
        String v = string(key, null);
        if (v == null || v.isBlank()) {
            throw new ConfigException(key(key), "is required");
        }
        return v;
    }

    public int integer(String key, int fallback, int min, int max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new ConfigException(key(key), "'" + v.asText() + "' is not a whole number");
        }
        int n = v.asInt();
        if (n < min || n > max) {
            throw new ConfigException(key(key), n + " is out of range [" + min + ", " + max + "]");
        }
        return n;
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new ConfigException(key(key), "'" + v.asText() + "' is not true or false");
        }
        return v.asBoolean();
    }

    public Duration duration(String key, Duration fallback) {
        String v = string(key, null);
        return v == null ? fallback : Durations.parse(key(key), v);
    }

    public List<String> strings(String key) {
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isValueNode()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) {
            throw new ConfigException(key(key), "must be a list of strings");
        }
        for (JsonNode item : v) {
            out.add(item.asText());
        }
        return out;
    }

    public List<ConfigNode> list(String key) {
        JsonNode v = node.get(key);
        List<ConfigNode> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new ConfigException(key(key), "must be a list");
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                throw new ConfigException(key(key) + "[" + i + "]", "must be a mapping");
            }
            out.add(new ConfigNode(v.get(i), key(key) + "[" + i + "]"));
        }
        return out;
    }

    /** The node as plain Java values, for options that belong to someone else (a sink's own keys). */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            out.put(f.getKey(), plain(f.getValue()));
        }
        return out;
    }

    public void rejectUnknownKeys(Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ConfigException(key(name), "unknown key (known here: " + String.join(", ", known) + ")");
            }
        }
    }

    private static Object plain(JsonNode v) {
        if (v.isObject()) {
            return new ConfigNode(v, "").asMap();
        }
        if (v.isArray()) {
            List<Object> items = new ArrayList<>();
            v.forEach(item -> items.add(plain(item)));
            return items;
        }
        if (v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        return v.asText();
    }

    private String key(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
