package io.seismo.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of the YAML tree, read with typed getters that know their own dotted key, so every error
 * message names exactly the key at fault. A missing or {@code null} section reads as empty (all defaults).
 */
final class YamlSection {
    private final JsonNode node;
    private final String path;

    YamlSection(JsonNode node, String path) {
        JsonNode n = node == null || node.isNull() ? MissingNode.getInstance() : node;
        if (!n.isMissingNode() && !n.isObject()) {
            throw new AgentConfigException(path.isEmpty() ? "(top level)" : path,
                    "must be a mapping of keys to values, was " + describe(n));
        }
        this.node = n;
        this.path = path;
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    /** Typos must not silently fall back to defaults. */
    void rejectUnknownKeys(Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new AgentConfigException(key(name), "unknown key (known here: " + new TreeSet<>(known) + ")");
            }
        }
    }

    YamlSection section(String name) {
        return new YamlSection(node.get(name), key(name));
    }

    List<YamlSection> sections(String name) {
        JsonNode v = node.get(name);
        List<YamlSection> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new AgentConfigException(key(name), "must be a list, was " + describe(v));
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(new YamlSection(v.get(i), key(name) + "[" + i + "]"));
        }
        return out;
    }

    /** A list of strings; a single string is accepted as a list of one. */
    List<String> texts(String name) {
        JsonNode v = node.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isValueNode()) {
            out.add(scalar(name, v));
            return out;
        }
        if (!v.isArray()) {
            throw new AgentConfigException(key(name), "must be a list of strings, was " + describe(v));
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isValueNode() || item.isNull()) {
                throw new AgentConfigException(key(name) + "[" + i + "]", "must be a string, was " + describe(item));
            }
            out.add(item.asText());
        }
        return out;
    }

    String text(String name, String fallback) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? fallback : scalar(name, v);
    }

    /** A mapping of names to single values, in the order written; missing reads as empty. */
    Map<String, String> textMap(String name) {
        YamlSection map = section(name);
        Map<String, String> out = new LinkedHashMap<>();
        map.node.fields().forEachRemaining(field -> out.put(field.getKey(), map.scalar(field.getKey(), field.getValue())));
        return out;
    }

    int integer(String name, int fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        String t = scalar(name, v).trim();
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new AgentConfigException(key(name), "'" + t + "' is not a whole number");
        }
    }

    Duration duration(String name, Duration fallback) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? fallback : Durations.parse(key(name), scalar(name, v));
    }

    private String scalar(String name, JsonNode v) {
        if (!v.isValueNode()) {
            throw new AgentConfigException(key(name), "must be a single value, was " + describe(v));
        }
        return v.asText();
    }

    private static String describe(JsonNode n) {
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        return "'" + n.asText() + "'";
    }
}
