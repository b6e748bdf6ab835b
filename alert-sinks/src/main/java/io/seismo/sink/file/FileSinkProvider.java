package io.seismo.sink.file;

import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinkProvider;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkOptions;
import io.seismo.sink.SinkSpec;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/** {@code type: file}, option {@code path} (required; relative paths resolve against the working directory). */
public final class FileSinkProvider implements AlertSinkProvider {

    @Override
    public String type() {
        return "file";
    }

    @Override
    public AlertSink create(SinkSpec spec, SinkContext context) {
        SinkOptions options = SinkOptions.of(spec, Set.of("path"));
        String value = options.requiredString("path");
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw options.invalid("path", "is not a valid path: " + e.getMessage());
        }
        if (Files.isDirectory(path)) {
            throw options.invalid("path", "names a directory, not a file: " + path);
        }
        return new FileSink(spec.name(), path);
    }
}
