package io.seismo.agent.scrape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Prometheus text exposition format (version 0.0.4): {@code # HELP} and {@code # TYPE} comments,
 * other comments ignored, and sample lines {@code name{label="value",…} value [timestamp]} with the label-value
 * escapes {@code \\}, {@code \"} and {@code \n}, the values {@code +Inf}, {@code -Inf} and {@code NaN}, and an
 * optional timestamp in epoch milliseconds. A sample takes the type of its family: {@code x_bucket},
 * {@code x_sum} and {@code x_count} belong to histogram {@code x}, {@code x_sum} and {@code x_count} to summary
 * {@code x}. A line that does not parse is skipped and counted; the others are kept.
 */
public final class ExpositionParser {
    private static final int MAX_PROBLEMS_KEPT = 3;
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** Parses a whole exposition. Never throws on bad input. */
    public Exposition parse(String text) {
        Map<String, String> typeByFamily = new HashMap<>();
        List<ScrapedSample> samples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int bad = 0;
        int lineNumber = 0;
        for (String raw : text.split("\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.charAt(0) == '#') {
                    readComment(line, typeByFamily);
                } else {
                    samples.add(readSample(line, typeByFamily));
                }
            } catch (IllegalArgumentException e) {
                bad++;
                if (problems.size() < MAX_PROBLEMS_KEPT) {
                    problems.add("line " + lineNumber + ": " + e.getMessage());
                }
            }
        }
        return new Exposition(samples, bad, problems);
    }

    private static void readComment(String line, Map<String, String> typeByFamily) {
        String[] parts = line.substring(1).strip().split("\\s+", 3);
        if (parts.length < 3 || !"TYPE".equals(parts[0])) {
            return; // HELP text and free comments carry nothing a sample needs
        }
        String type = parts[2].strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown metric type '" + parts[2].strip() + "'");
        }
        typeByFamily.put(parts[1], type);
    }

    private static ScrapedSample readSample(String line, Map<String, String> typeByFamily) {
        Cursor at = new Cursor(line);
        String name = at.name();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a sample line must start with a metric name");
        }
        at.skipSpaces();
        Map<String, String> labels = at.peek() == '{' ? at.labels() : Map.of();
        at.skipSpaces();
        String valueText = at.token();
        if (valueText.isEmpty()) {
            throw new IllegalArgumentException("sample '" + name + "' has no value");
        }
        double value = parseValue(valueText);
        at.skipSpaces();
        long timestamp = ScrapedSample.NO_TIMESTAMP;
        String timestampText = at.token();
        if (!timestampText.isEmpty()) {
            try {
                timestamp = Long.parseLong(timestampText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("timestamp '" + timestampText + "' is not whole milliseconds");
            }
        }
        at.skipSpaces();
        if (!at.atEnd()) {
            throw new IllegalArgumentException("unexpected text after the sample: '" + at.rest() + "'");
        }
        return new ScrapedSample(name, labels, value, timestamp, typeOf(name, typeByFamily));
    }

    static double parseValue(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "+inf", "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                try {
                    // Double.parseDouble also takes "Infinity", hex and a trailing 'd'; the format does not.
                    if (!text.chars().allMatch(c -> Character.isDigit(c) || "+-.eE".indexOf(c) >= 0)) {
                        throw new NumberFormatException();
                    }
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("value '" + text + "' is not a number");
                }
        }
    }

    private static String typeOf(String name, Map<String, String> typeByFamily) {
        String own = typeByFamily.get(name);
        if (own != null) {
            return own;
        }
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (name.endsWith(suffix)) {
                String family = typeByFamily.get(name.substring(0, name.length() - suffix.length()));
                if ("histogram".equals(family) || "summary".equals(family) && !"_bucket".equals(suffix)) {
                    return family;
                }
            }
        }
        return "untyped";
    }

    /** A read position in one line. */
    private static final class Cursor {
        private final String line;
        private int pos;

        Cursor(String line) {
            this.line = line;
        }

        char peek() {
            return pos < line.length() ? line.charAt(pos) : '\0';
        }

        boolean atEnd() {
            return pos >= line.length();
        }

        String rest() {
            return line.substring(pos);
        }

        void skipSpaces() {
            while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
                pos++;
            }
        }

        /** A metric or label name: [a-zA-Z_:][a-zA-Z0-9_:]*. */
        String name() {
            int start = pos;
            while (pos < line.length()) {
                char c = line.charAt(pos);
                boolean ok = c == '_' || c == ':' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                        || pos > start && c >= '0' && c <= '9';
                if (!ok) {
                    break;
                }
                pos++;
            }
            return line.substring(start, pos);
        }

        String token() {
            int start = pos;
            while (pos < line.length() && line.charAt(pos) != ' ' && line.charAt(pos) != '\t') {
                pos++;
            }
            return line.substring(start, pos);
        }

        /** {@code {a="x",b="y"}}, a trailing comma allowed. */
        Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>();
            pos++; // '{'
            while (true) {
                skipSpaces();
                if (peek() == '}') {
                    pos++;
                    return labels;
                }
                String label = name();
                if (label.isEmpty()) {
                    throw new IllegalArgumentException("expected a label name at column " + (pos + 1));
                }
                skipSpaces();
                expect('=');
                skipSpaces();
                expect('"');
                if (labels.put(label, quoted()) != null) {
                    throw new IllegalArgumentException("label '" + label + "' appears twice");
                }
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw new IllegalArgumentException("expected ',' or '}' at column " + (pos + 1));
                }
            }
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at column " + (pos + 1));
            }
            pos++;
        }

        /** The rest of a label value after its opening quote, unescaped. */
        private String quoted() {
            StringBuilder value = new StringBuilder();
            while (pos < line.length()) {
                char c = line.charAt(pos++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (pos >= line.length()) {
                    break;
                }
                char escaped = line.charAt(pos++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case '\\' -> value.append('\\');
                    case '"' -> value.append('"');
                    default -> value.append('\\').append(escaped); // Prometheus keeps unknown escapes as written
                }
            }
            throw new IllegalArgumentException("label value is not closed by '\"'");
        }
    }
}
