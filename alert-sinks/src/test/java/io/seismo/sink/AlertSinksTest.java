package io.seismo.sink;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AlertSinksTest {
    private static Vertx vertx;

    @TempDir
    Path dir;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldFindEveryBuiltInSinkThroughServiceLoader() {
        assertThat(AlertSinks.types())
                .contains("alertmanager", "file", "pagerduty", "slack", "stdout", "webhook");
    }

    @Test
    void shouldCreateSinksUnderTheirConfiguredNames() {
        try (AlertSink console = create("console", "stdout", Map.of("format", "json"));
             AlertSink hook = create("hook", "webhook", Map.of("url", "https://hooks.example/a", "timeout", "2s",
                     "headers", Map.of("Authorization", "Bearer abc")))) {
            assertThat(console.name()).isEqualTo("console");
            assertThat(hook.name()).isEqualTo("hook");
        }
    }

    @Test
    void shouldNameTheSinkAndTheUnknownType() {
        assertThatIllegalArgumentException().isThrownBy(() -> create("pager", "carrier-pigeon", Map.of()))
                .withMessageContaining("sink 'pager'")
                .withMessageContaining("unknown type 'carrier-pigeon'")
                .withMessageContaining("stdout");
    }

    @Test
    void shouldNameTheMissingUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> create("hook", "webhook", Map.of()))
                .withMessage("sink 'hook' (type webhook): option 'url' is required");
    }

    @Test
    void shouldRejectAnOptionTheTypeDoesNotHave() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> create("hook", "webhook", Map.of("ulr", "https://hooks.example/a")))
                .withMessageContaining("sink 'hook'")
                .withMessageContaining("option 'ulr' is not an option");
    }

    @Test
    void shouldRejectBadOptionValuesNamingTheOption() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> create("hook", "webhook", Map.of("url", "ftp://hooks.example/a")))
                .withMessageContaining("option 'url' must be an absolute http:// or https:// URL");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> create("hook", "webhook", Map.of("url", "https://h.example", "timeout", "soon")))
                .withMessageContaining("option 'timeout' must be a positive duration");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> create("hook", "webhook", Map.of("url", "https://h.example",
                        "headers", Map.of("Bad Header", "x"))))
                .withMessageContaining("option 'headers' entry 'Bad Header'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> create("console", "stdout", Map.of("format", "yaml")))
                .withMessageContaining("option 'format' must be one of json, text");
    }

    @Test
    void shouldRequireSlackChannelAndExactlyOneToken() throws Exception {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> create("chat", "slack", Map.of("token", "xoxb-1")))
                .withMessageContaining("sink 'chat'").withMessageContaining("option 'channel' is required");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> create("chat", "slack", Map.of("channel", "#ops")))
                .withMessageContaining("option 'token' is required");
        Path tokenFile = Files.writeString(dir.resolve("slack.token"), "xoxb-from-file\n");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> create("chat", "slack", Map.of("channel", "#ops", "token", "xoxb-1",
                        "tokenFile", tokenFile.toString())))
                .withMessageContaining("option 'tokenFile' cannot be combined");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> create("chat", "slack", Map.of("channel", "#ops",
                        "tokenFile", dir.resolve("missing.token").toString())))
                .withMessageContaining("option 'tokenFile' cannot be read");
        try (AlertSink chat = create("chat", "slack", Map.of("channel", "#ops", "tokenFile", tokenFile.toString()))) {
            assertThat(chat.name()).isEqualTo("chat");
        }
    }

    private static AlertSink create(String name, String type, Map<String, Object> options) {
        return AlertSinks.create(new SinkSpec(name, type, options), new SinkContext(vertx));
    }
}
