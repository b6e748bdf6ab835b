package io.seismo.agent.config;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DaemonEndpointTest {
    private static final URI URL = URI.create("https://daemon.example:7070/v1/ingest");

    @Test
    void shouldOpenConnectionsWithinTheRequestTimeoutButNeverWaitLongerThanFiveSeconds() {
        assertThat(new DaemonEndpoint(URL, "t", Duration.ofMillis(800)).connectTimeout()).isEqualTo(Duration.ofMillis(800));
        assertThat(new DaemonEndpoint(URL, "t", Duration.ofSeconds(30)).connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldTakeOnlyHttpUrlsWithAHostAndNeverShowTheToken() {
        assertThatThrownBy(() -> new DaemonEndpoint(URI.create("ftp://daemon/v1/ingest"), "t"))
                .isInstanceOf(AgentConfigException.class).hasMessageContaining("not an http(s) URL");
        assertThat(new DaemonEndpoint(URL, "very-secret").toString()).doesNotContain("very-secret");
    }
}
