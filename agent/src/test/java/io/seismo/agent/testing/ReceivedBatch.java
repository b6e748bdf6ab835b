package io.seismo.agent.testing;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request the fake daemon received: its headers (lower-case names), its lines, and the status it got. */
public record ReceivedBatch(Map<String, String> headers, List<ReceivedLine> lines, int answeredStatus) {
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String path() {
        return header("Seismo-Path");
    }
}
