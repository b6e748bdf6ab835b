package io.seismo.dist.demo;

import static java.util.stream.Collectors.groupingBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/** Reads what a generator wrote, the way a tailing agent would: complete lines only, each parsed as JSON. */
final class WrittenLogs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WrittenLogs() {
    }

    static List<JsonNode> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String complete = text.substring(0, text.lastIndexOf('\n') + 1);
            List<JsonNode> lines = new ArrayList<>();
            for (String line : complete.lines().toList()) {
                lines.add(JSON.readTree(line));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static List<JsonNode> readAll(Path dir, Collection<String> services) {
        return services.stream().flatMap(service -> read(dir.resolve(service + ".log")).stream()).toList();
    }

    static Map<String, List<JsonNode>> byTrace(List<JsonNode> lines) {
        return lines.stream().collect(groupingBy(line -> line.path("trace_id").asText()));
    }

    static boolean isError(JsonNode line) {
        return "ERROR".equals(line.path("level").asText());
    }

    static long errors(List<JsonNode> lines) {
        return lines.stream().filter(WrittenLogs::isError).count();
    }

    static String service(JsonNode line) {
        return line.path("service.name").asText();
    }

    static Instant timestamp(JsonNode line) {
        return Instant.parse(line.path("@timestamp").asText());
    }

    static List<Long> seqs(List<JsonNode> lines) {
        return lines.stream().map(line -> line.path("seq").asLong()).toList();
    }

    static List<Long> oneTo(long last) {
        return LongStream.rangeClosed(1, last).boxed().toList();
    }
}
