package io.seismo.sink.format;

import io.seismo.sink.Alert;
import io.seismo.sink.Notification;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A message template in Seismo's small syntax: literal text with {@code {{ name }}} placeholders (spaces inside the
 * braces are optional; the names are those of {@link TemplateFields}). There are no conditions, loops or calls; one
 * rule stands in for them: a line whose placeholders all come out empty is left out, so that
 * {@code Root cause: {{ rootCause }}} disappears for an alert that has none. Inserted values are single lines
 * without control characters, so a hostile log line cannot forge extra lines or terminal escapes.
 */
public final class MessageTemplate {
    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";
    private static final int MAX_VALUE_CHARS = 1000;

    private final List<Line> lines;

    private MessageTemplate(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    /**
     * Parses {@code source}, or throws {@link IllegalArgumentException} saying which placeholder is unknown or
     * which braces do not close; the caller adds which sink and option it came from.
     */
    public static MessageTemplate parse(String source) {
        List<Line> lines = new ArrayList<>();
        for (String line : source.split("\\R", -1)) {
            lines.add(parseLine(line));
        }
        return new MessageTemplate(lines);
    }

    /** The message for one alert of {@code notification}, its lines joined with {@code \n}. */
    public String render(Alert alert, Notification notification) {
        StringJoiner out = new StringJoiner("\n");
        for (Line line : lines) {
            StringBuilder text = new StringBuilder();
            boolean anyValue = false;
            for (Part part : line.parts()) {
                String value = part.render(alert, notification);
                anyValue |= part instanceof Placeholder && !value.isBlank();
                text.append(value);
            }
            if (anyValue || line.literalOnly()) {
                out.add(text.toString());
            }
        }
        return out.toString().strip();
    }

    private static Line parseLine(String line) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < line.length()) {
            int open = line.indexOf(OPEN, at);
            if (open < 0) {
                parts.add(new Literal(line.substring(at)));
                break;
            }
            int close = line.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                throw new IllegalArgumentException("has '" + OPEN + "' without a closing '" + CLOSE + "' in: " + line);
            }
            if (open > at) {
                parts.add(new Literal(line.substring(at, open)));
            }
            String name = line.substring(open + OPEN.length(), close).strip();
            parts.add(new Placeholder(TemplateFields.named(name).orElseThrow(() -> new IllegalArgumentException(
                    "uses unknown placeholder '{{ " + name + " }}' (known: " + TemplateFields.known() + ")"))));
            at = close + CLOSE.length();
        }
        return new Line(parts);
    }

    private sealed interface Part permits Literal, Placeholder {
        String render(Alert alert, Notification notification);
    }

    private record Literal(String text) implements Part {
        @Override
        public String render(Alert alert, Notification notification) {
            return text;
        }
    }

    private record Placeholder(TemplateFields.Field field) implements Part {
        @Override
        public String render(Alert alert, Notification notification) {
            return AlertText.clean(field.apply(alert, notification).strip(), MAX_VALUE_CHARS);
        }
    }

    private record Line(List<Part> parts) {
        boolean literalOnly() {
            return parts.stream().noneMatch(Placeholder.class::isInstance);
        }
    }
}
