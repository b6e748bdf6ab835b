package io.seismo.sink.stdout;

import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinkProvider;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkOptions;
import io.seismo.sink.SinkSpec;

import java.util.Locale;
import java.util.Set;

/** {@code type: stdout}, option {@code format: text|json} (default text). */
public final class StdoutSinkProvider implements AlertSinkProvider {

    @Override
    public String type() {
        return "stdout";
    }

    @Override
    public AlertSink create(SinkSpec spec, SinkContext context) {
        SinkOptions options = SinkOptions.of(spec, Set.of("format"));
        String format = options.choice("format", Set.of("text", "json"), "text");
        return new StdoutSink(spec.name(), StdoutSink.Format.valueOf(format.toUpperCase(Locale.ROOT)), System.out);
    }
}
