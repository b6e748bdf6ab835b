package io.seismo.daemon.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One metric sample per line, as the agent's scraper ships it (batches sent with {@code Seismo-Kind: metric}):
 * <pre>{@code {"metric":"http_requests_total","value":1027.0,"labels":{"code":"200"},"ts":1700000000000,"type":"counter"}}</pre>
 * {@code value} is a JSON number, or the string {@code "NaN"}, {@code "+Inf"} or {@code "-Inf"} (JSON has no
 * literal for them); {@code ts} is epoch milliseconds. The event becomes kind {@code METRIC}: the metric name is
 * the message, each label an attribute, and the value and type go into {@link #VALUE_ATTR} and {@link #TYPE_ATTR}
 * (dotted names no Prometheus label can have, so they never collide with a label). A {@code service} label
 * replaces the service the agent sent, as for log lines.
 */
final class MetricSampleParser implements LineParser {
    /** Same name as {@code io.seismo.rules.event.MetricSample.VALUE_ATTR}, which metric rules read. */
    static final String VALUE_ATTR = "metric.value";
    /** Same name as {@code io.seismo.rules.event.MetricSample.TYPE_ATTR}. */
    static final String TYPE_ATTR = "metric.type";
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    private static final long MAX_EPOCH_MS = 253_402_300_799_999L; // 9999-12-31, beyond which ns overflow

    private final JsonFactory factory = new JsonFactory();

    @Override
    public boolean parse(CharSequence line, Event out) {
        Sample sample = new Sample();
        try (JsonParser parser = factory.createParser(line.toString())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return ParseFailure.record(out, line, "metric sample is not a JSON object");
            }
            String problem = readFields(parser, sample);
            if (problem != null) {
                return ParseFailure.record(out, line, problem);
            }
        } catch (JsonProcessingException e) {
            return ParseFailure.record(out, line, "metric sample is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return ParseFailure.record(out, line, "metric sample is not valid JSON");
        }
        String missing = sample.name == null ? "metric" : sample.valueText == null ? "value" : null;
        if (missing != null) {
            return ParseFailure.record(out, line, "metric sample has no \"" + missing + "\"");
        }
        out.setKind(EventKind.METRIC);
        out.setMessage(sample.name);
        sample.labels.forEach(out::putAttr);
        out.putAttr(VALUE_ATTR, sample.valueText);
        out.putAttr(TYPE_ATTR, sample.type == null ? "untyped" : sample.type);
        if (sample.epochMs >= 0) {
            out.setEventTimeNanos(sample.epochMs * 1_000_000L);
        }
        String service = sample.labels.get("service");
        if (service != null && !service.isEmpty()) {
            out.setService(service);
        }
        return true;
    }

    /** Reads the root object's fields into {@code sample}; returns null, or what is wrong. */
    private String readFields(JsonParser parser, Sample sample) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            String problem = switch (field) {
                case "metric" -> token == JsonToken.VALUE_STRING && !parser.getText().isEmpty()
                        ? sample.name(parser.getText()) : "\"metric\" must be a non-empty string";
                case "value" -> sample.value(token, parser);
                case "ts" -> sample.time(token, parser);
                case "type" -> token == JsonToken.VALUE_STRING && TYPES.contains(parser.getText().toLowerCase(Locale.ROOT))
                        ? sample.type(parser.getText().toLowerCase(Locale.ROOT))
                        : "\"type\" must be one of " + TYPES;
                case "labels" -> token == JsonToken.START_OBJECT ? sample.labels(parser) : "\"labels\" must be an object";
                default -> {
                    parser.skipChildren();
                    yield null;
                }
            };
            if (problem != null) {
                return problem;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
            return "metric sample is not a single JSON object";
        }
        return null;
    }

    /** What one line said, before it is known to be whole. */
    private static final class Sample {
        private final Map<String, String> labels = new LinkedHashMap<>();
        String name;
        String valueText;
        String type;
        long epochMs = -1;

        String name(String text) {
            name = text;
            return null;
        }

        String type(String text) {
            type = text;
            return null;
        }

        String value(JsonToken token, JsonParser parser) throws IOException {
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                valueText = Double.toString(parser.getDoubleValue());
                return null;
            }
            if (token == JsonToken.VALUE_STRING) {
                switch (parser.getText()) {
                    case "NaN" -> valueText = "NaN";
                    case "+Inf", "Inf" -> valueText = "Infinity";
                    case "-Inf" -> valueText = "-Infinity";
                    default -> {
                        return "\"value\" must be a number, \"NaN\", \"+Inf\" or \"-Inf\"";
                    }
                }
                return null;
            }
            return "\"value\" must be a number, \"NaN\", \"+Inf\" or \"-Inf\"";
        }

        String time(JsonToken token, JsonParser parser) throws IOException {
            if (token != JsonToken.VALUE_NUMBER_INT || parser.getLongValue() < 0 || parser.getLongValue() > MAX_EPOCH_MS) {
                return "\"ts\" must be epoch milliseconds";
            }
            epochMs = parser.getLongValue();
            return null;
        }

        String labels(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String label = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    return "label \"" + label + "\" must be a string";
                }
                labels.put(label, parser.getText());
            }
            return null;
        }
    }
}
