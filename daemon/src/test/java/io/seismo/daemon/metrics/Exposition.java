package io.seismo.daemon.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

/** A registry rendered as a scrape would see it, with a lookup of one sample by its exact series text. */
final class Exposition {
    private final String text;

    private Exposition(String text) {
        this.text = text;
    }

    static Exposition of(PrometheusRegistry registry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Exposition(out.toString(StandardCharsets.UTF_8));
    }

    String text() {
        return text;
    }

    /** The value of the series written exactly as {@code series}, e.g. {@code a_total{x="y"}}. */
    OptionalDouble value(String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return OptionalDouble.of(Double.parseDouble(line.substring(series.length() + 1).trim()));
            }
        }
        return OptionalDouble.empty();
    }
}
