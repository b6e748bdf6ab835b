package io.seismo.sink.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinks;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.DeliveryException;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.seismo.sink.DeliveryFailures.awaitDelivered;
import static io.seismo.sink.DeliveryFailures.failureOf;
import static io.seismo.sink.SampleAlerts.cascade;
import static io.seismo.sink.SampleAlerts.notificationOf;
import static org.assertj.core.api.Assertions.assertThat;

class FileSinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldAppendOneParseableJsonLinePerSendAcrossRestarts() throws Exception {
        Path file = dir.resolve("alerts/alerts.jsonl");
        try (AlertSink sink = fileSink(file)) {
            awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));
            // Flushed per notification: a reader sees the line before the sink closes.
            assertThat(Files.readAllLines(file)).hasSize(1);
            awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.RESOLVED))));
        }
        try (AlertSink restarted = fileSink(file)) {
            awaitDelivered(restarted.send(notificationOf(cascade(AlertStatus.FIRING))));
        }

        List<String> statuses = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            statuses.add(JSON.readTree(line).get("status").asText());
        }
        assertThat(statuses).containsExactly("firing", "resolved", "firing");
    }

    @Test
    void shouldFailRetryablyWhenTheFileCannotBeWritten() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        try (AlertSink sink = fileSink(notADirectory.resolve("alerts.jsonl"))) {
            DeliveryException failure = failureOf(sink.send(notificationOf(cascade(AlertStatus.FIRING))));

            assertThat(failure.retryable()).isTrue();
            assertThat(failure.getMessage()).contains("'alert-log'", "alerts.jsonl");
        }
    }

    private static AlertSink fileSink(Path file) {
        return AlertSinks.create(new SinkSpec("alert-log", "file", Map.of("path", file.toString())),
                new SinkContext(null));
    }
}
