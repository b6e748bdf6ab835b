package io.seismo.sink.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinks;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.DeliveryException;
import io.seismo.sink.LocalHttpReceiver;
import io.seismo.sink.LocalHttpReceiver.Reply;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkSpec;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.seismo.sink.DeliveryFailures.awaitDelivered;
import static io.seismo.sink.DeliveryFailures.failureOf;
import static io.seismo.sink.SampleAlerts.cascade;
import static io.seismo.sink.SampleAlerts.notificationOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The README's example sink, found through ServiceLoader like any built-in one. */
class ChatRoomSinkTest {
    private static Vertx vertx;
    private LocalHttpReceiver room;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void openRoom() throws Exception {
        room = new LocalHttpReceiver(vertx);
    }

    @AfterEach
    void closeRoom() throws Exception {
        room.close();
    }

    @Test
    void shouldBeFoundByItsTypeAndPostTheTemplatedTitle() throws Exception {
        assertThat(AlertSinks.types()).contains("chatroom");
        try (AlertSink sink = chatRoom(Map.of("title", "{{ alertname }}: {{ rootCause }} since {{ since }}"))) {
            awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));
        }

        String content = new ObjectMapper().readTree(room.next().body()).get("content").asText();
        assertThat(content).isEqualTo("[firing] service-cascade: payments-db since 12:00:03Z");
    }

    @Test
    void shouldReportTheRoomsRefusalThroughTheFuture() throws Exception {
        room.answer(new Reply(503, Map.of("Retry-After", "7"), "maintenance"));
        try (AlertSink sink = chatRoom(Map.of())) {
            DeliveryException failure = failureOf(sink.send(notificationOf(cascade(AlertStatus.FIRING))));

            assertThat(failure.retryable()).isTrue();
            assertThat(failure.getMessage()).contains("'room'", "503", "maintenance");
        }
    }

    private AlertSink chatRoom(Map<String, String> template) {
        Map<String, Object> options = template.isEmpty()
                ? Map.of("url", room.url("/hooks/room"))
                : Map.of("url", room.url("/hooks/room"), "template", template);
        return AlertSinks.create(new SinkSpec("room", "chatroom", options), new SinkContext(vertx));
    }
}
