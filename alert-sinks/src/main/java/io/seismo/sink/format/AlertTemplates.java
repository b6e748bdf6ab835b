package io.seismo.sink.format;

import io.seismo.sink.Alert;
import io.seismo.sink.Notification;
import io.seismo.sink.SinkOptions;
import io.seismo.sink.SinkSpec;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One sink's wording: {@code title} becomes each alert's summary (the line a phone notification shows) and
 * {@code text} its description (the body). Configured per sink as {@code template: {title: …, text: …}}; either may
 * be left out to keep the default.
 *
 * @param title one line; a title that comes out empty keeps the alert's own summary
 * @param text  the body; what, where, since when, root cause and a link by default
 */
public record AlertTemplates(MessageTemplate title, MessageTemplate text) {
    public static final String OPTION = "template";
    static final String DEFAULT_TITLE = "{{ summary }}";
    static final String DEFAULT_TEXT = """
            {{ summary }}
            Where: {{ where }}, since {{ since }}
            Root cause: {{ rootCause }}
            Affected: {{ affected }}
            {{ description }}
            {{ link }}""";
    public static final AlertTemplates DEFAULT =
            new AlertTemplates(MessageTemplate.parse(DEFAULT_TITLE), MessageTemplate.parse(DEFAULT_TEXT));

    private static final Set<String> KEYS = Set.of("title", "text");
    private static final int MAX_TITLE_CHARS = 300;

    /**
     * The templates of the sink {@code spec} describes, or {@link IllegalArgumentException} naming the sink and the
     * unknown placeholder (or key, or unclosed brace): a bad template stops the daemon at startup, not at 3 a.m.
     */
    public static AlertTemplates of(SinkSpec spec) {
        SinkOptions options = SinkOptions.of(spec.only(OPTION), Set.of(OPTION));
        Map<String, String> configured = options.stringMap(OPTION);
        configured.keySet().stream().filter(key -> !KEYS.contains(key)).findFirst().ifPresent(key -> {
            throw options.invalid(OPTION, "has no key '" + key + "' (known: " + String.join(", ", new TreeSet<>(KEYS))
                    + ")");
        });
        return new AlertTemplates(
                parse(options, "title", configured.getOrDefault("title", DEFAULT_TITLE)),
                parse(options, "text", configured.getOrDefault("text", DEFAULT_TEXT)));
    }

    /** The alert worded by these templates. */
    public Alert apply(Alert alert, Notification notification) {
        String summary = AlertText.clean(title.render(alert, notification), MAX_TITLE_CHARS);
        return alert.withWording(summary.isBlank() ? alert.summary() : summary, text.render(alert, notification));
    }

    private static MessageTemplate parse(SinkOptions options, String key, String source) {
        try {
            return MessageTemplate.parse(source);
        } catch (IllegalArgumentException e) {
            throw options.invalid(OPTION + "." + key, e.getMessage());
        }
    }
}
