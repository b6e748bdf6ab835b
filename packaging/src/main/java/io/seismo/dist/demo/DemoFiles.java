package io.seismo.dist.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the demo's daemon config, agent config and rule file: the same files a user writes. */
public final class DemoFiles {
    static final String TOKEN = "demo-token";

    private DemoFiles() {
    }

    static void write(Path dir, int port, ServiceGraph graph) throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("logs"));
        write(dir.resolve("seismo.yaml"), """
                # The demo daemon: JSON logs in, alerts on this terminal and in alerts.jsonl.
                listen: { host: 127.0.0.1, port: %d }
                auth: { tokens: [ %s ] }
                dataDir: data
                rulesDir: rules
                alerting: { groupWait: 3s }   # callers cross their thresholds a second or two after the root
                sinks:
                  - { name: console, type: stdout }
                  - { name: file, type: file, path: alerts.jsonl }
                """.formatted(port, TOKEN));
        write(dir.resolve("rules/services.groovy"), rules());
        StringBuilder agent = new StringBuilder()
                .append("# The demo agent: one input per service log file.\n")
                .append("daemon: { url: \"http://127.0.0.1:").append(port).append("/v1/ingest\", token: ").append(TOKEN).append(" }\n")
                .append("stateDir: agent-state\n")
                .append("inputs:\n");
        for (String service : graph.services()) {
            agent.append("  - { paths: [\"").append(dir.resolve("logs").resolve(service + ".log")).append("\"], service: ")
                    .append(service).append(" }\n");
        }
        write(dir.resolve("agent.yaml"), agent.toString());
    }

    /** The demo's rule file; the end-to-end cascade test runs the very same rules. */
    public static String rules() throws IOException {
        try (InputStream in = DemoFiles.class.getResourceAsStream("services.groovy")) {
            if (in == null) {
                throw new IOException("services.groovy is missing from the seismo-dist jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
