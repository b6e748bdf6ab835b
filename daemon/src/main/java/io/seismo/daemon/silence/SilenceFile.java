package io.seismo.daemon.silence;

import io.seismo.daemon.fs.AtomicFile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The silences as a JSON file, {@code {"silences":[{"id":…,"matchers":["a=\"b\""],…}]}}, replaced atomically. */
final class SilenceFile {
    private final Path path;

    SilenceFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** The saved silences; none when there is no file yet. Throws {@link IllegalArgumentException} on a damaged file. */
    List<Silence> read() throws IOException {
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            JsonArray saved = new JsonObject(Files.readString(path, StandardCharsets.UTF_8)).getJsonArray("silences");
            if (saved == null) {
                throw new IllegalArgumentException("no \"silences\" array");
            }
            List<Silence> silences = new ArrayList<>();
            for (int i = 0; i < saved.size(); i++) {
                silences.add(SilenceJson.from(saved.getJsonObject(i)));
            }
            return silences;
        } catch (RuntimeException | java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(String.valueOf(e.getMessage()), e);
        }
    }

    void write(List<Silence> silences) throws IOException {
        JsonArray saved = new JsonArray();
        for (Silence silence : silences) {
            saved.add(SilenceJson.of(silence));
        }
        AtomicFile.write(path, new JsonObject().put("silences", saved).encodePrettily().getBytes(StandardCharsets.UTF_8));
    }
}
