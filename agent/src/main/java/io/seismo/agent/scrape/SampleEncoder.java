package io.seismo.agent.scrape;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one sample as the line the daemon's metric-sample parser reads (shipped with {@code Seismo-Kind: metric}):
 * <pre>{@code {"metric":"name","value":1.0,"labels":{…},"ts":<epoch ms>,"type":"counter|gauge|histogram|summary|untyped"}}</pre>
 * {@code labels} are the scraped ones plus the target's, the target's winning a clash (they say where the
 * sample comes from, which the endpoint cannot know); they are sorted, so one series always reads the same.
 * {@code ts} is the sample's own timestamp, or the time the scrape started. Non-finite values are the strings
 * {@code "+Inf"}, {@code "-Inf"} and {@code "NaN"}, as JSON has no literal for them.
 */
public final class SampleEncoder {
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, String> targetLabels;

    public SampleEncoder(Map<String, String> targetLabels) {
        this.targetLabels = Map.copyOf(targetLabels);
    }

    public String encode(ScrapedSample sample, long scrapeEpochMs) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("metric", sample.name());
            writeValue(json, sample.value());
            json.writeObjectFieldStart("labels");
            Map<String, String> labels = new TreeMap<>(sample.labels());
            labels.putAll(targetLabels);
            for (Map.Entry<String, String> label : labels.entrySet()) {
                json.writeStringField(label.getKey(), label.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("ts", sample.hasTimestamp() ? sample.timestampMs() : scrapeEpochMs);
            json.writeStringField("type", sample.type());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator json, double value) throws IOException {
        if (Double.isNaN(value)) {
            json.writeStringField("value", "NaN");
        } else if (Double.isInfinite(value)) {
            json.writeStringField("value", value > 0 ? "+Inf" : "-Inf");
        } else {
            json.writeNumberField("value", value);
        }
    }
}
