package io.seismo.sink;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, validated access to one sink's options. Every error is an {@link IllegalArgumentException} that names
 * the sink and the option, so a bad config line is found without reading a stack trace.
 */
public final class SinkOptions {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    /** RFC 9110 token characters: anything else in a header name would fail only at send time. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final SinkSpec spec;

    private SinkOptions(SinkSpec spec) {
        this.spec = spec;
    }

    /** Wraps the spec's options, refusing any key outside {@code known} (a typo must not pass silently). */
    public static SinkOptions of(SinkSpec spec, Set<String> known) {
        SinkOptions options = new SinkOptions(spec);
        for (String key : spec.options().keySet()) {
            if (!known.contains(key)) {
                throw options.invalid(key, "is not an option of this sink type (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        return options;
    }

    public String sinkName() {
        return spec.name();
    }

    public String requiredString(String key) {
        return string(key).orElseThrow(() -> invalid(key, "is required"));
    }

    public Optional<String> string(String key) {
        Object value = spec.options().get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof Iterable) {
            throw invalid(key, "must be a single value");
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            throw invalid(key, "must not be empty");
        }
        return Optional.of(text);
    }

    /** The value when it is one of {@code allowed}, else {@code fallback} when absent. */
    public String choice(String key, Set<String> allowed, String fallback) {
        String value = string(key).orElse(fallback);
        if (!allowed.contains(value)) {
            throw invalid(key, "must be one of " + String.join(", ", new TreeSet<>(allowed)) + ", got '" + value + "'");
        }
        return value;
    }

    /**
     * A positive duration written as {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, ISO-8601 ({@code PT5S}) or a
     * bare number of seconds.
     */
    public Duration duration(String key, Duration fallback) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return fallback;
        }
        Duration parsed = parseDuration(text.get());
        if (parsed == null || parsed.isNegative() || parsed.isZero()) {
            throw invalid(key, "must be a positive duration such as 500ms, 5s or 2m, got '" + text.get() + "'");
        }
        return parsed;
    }

    /** A map of strings (for HTTP headers); absent gives an empty map. */
    public Map<String, String> stringMap(String key) {
        Object value = spec.options().get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> raw)) {
            throw invalid(key, "must be a map of names to values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null
                    || entry.getValue() instanceof Map || entry.getValue() instanceof Iterable) {
                throw invalid(key, "entry '" + entry.getKey() + "' must have a single value");
            }
            out.put(entry.getKey().toString(), entry.getValue().toString());
        }
        return Map.copyOf(out);
    }

    /** Extra HTTP headers: a map whose names are valid header names and whose values hold no line breaks. */
    public Map<String, String> httpHeaders(String key) {
        Map<String, String> headers = stringMap(key);
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches() || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw invalid(key, "entry '" + name + "' is not a valid HTTP header");
            }
        });
        return headers;
    }

    /**
     * A secret given inline ({@code key}) or, safer because it keeps the secret out of the config, as the path of a
     * file holding it ({@code fileKey}); at most one of the two. Empty when neither is given.
     */
    public Optional<String> secret(String key, String fileKey) {
        Optional<String> inline = string(key);
        Optional<String> file = string(fileKey);
        if (inline.isPresent() && file.isPresent()) {
            throw invalid(fileKey, "cannot be combined with option '" + key + "': give one of them");
        }
        if (file.isEmpty()) {
            return inline;
        }
        String secret;
        try {
            secret = Files.readString(Path.of(file.get())).strip();
        } catch (IOException | InvalidPathException e) {
            throw invalid(fileKey, "cannot be read: " + e);
        }
        if (secret.isEmpty()) {
            throw invalid(fileKey, "names an empty file: " + file.get());
        }
        return Optional.of(secret);
    }

    /** As {@link #secret(String, String)}, failing when neither option is given. */
    public String requiredSecret(String key, String fileKey) {
        return secret(key, fileKey).orElseThrow(() -> invalid(key, "is required (or give '" + fileKey + "')"));
    }

    /** An absolute http:// or https:// URL with a host, when the option is present. */
    public Optional<URI> httpUrl(String key) {
        return string(key).map(text -> asHttpUrl(key, text));
    }

    /** {@code text} (the value of option {@code key}, read by other means) as an absolute http(s) URL with a host. */
    public URI asHttpUrl(String key, String text) {
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below with the expected form
        }
        throw invalid(key, "must be an absolute http:// or https:// URL, got '" + text + "'");
    }

    public IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(
                "sink '" + spec.name() + "' (type " + spec.type() + "): option '" + key + "' " + problem);
    }

    private static Duration parseDuration(String text) {
        Matcher m = SHORT_DURATION.matcher(text);
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            if (text.chars().allMatch(Character::isDigit)) {
                return Duration.ofSeconds(Long.parseLong(text));
            }
            return Duration.parse(text);
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            return null;
        }
    }
}
