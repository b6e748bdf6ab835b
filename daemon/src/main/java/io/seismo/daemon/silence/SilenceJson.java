package io.seismo.daemon.silence;

import io.seismo.daemon.match.LabelMatcher;
import io.seismo.daemon.match.Matchers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A silence as JSON, the same in the file and on the wire (the API adds its state). */
public final class SilenceJson {
    private SilenceJson() {
    }

    public static JsonObject of(Silence silence) {
        JsonArray matchers = new JsonArray();
        for (LabelMatcher matcher : silence.matchers().matchers()) {
            matchers.add(matcher.toString());
        }
        return new JsonObject()
                .put("id", silence.id())
                .put("matchers", matchers)
                .put("startsAt", silence.startsAt().toString())
                .put("endsAt", silence.endsAt().toString())
                .put("createdBy", silence.createdBy())
                .put("comment", silence.comment());
    }

    /** Throws a runtime exception (a missing field, a bad time or matcher) when the object is not a silence. */
    static Silence from(JsonObject json) {
        List<String> matchers = new ArrayList<>();
        json.getJsonArray("matchers").forEach(m -> matchers.add((String) m));
        return new Silence(json.getString("id"), Matchers.parse(matchers), Instant.parse(json.getString("startsAt")),
                Instant.parse(json.getString("endsAt")), json.getString("createdBy"), json.getString("comment"));
    }
}
