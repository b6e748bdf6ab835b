package io.seismo.daemon.config;

import io.seismo.rules.engine.TimeMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DaemonConfigLoaderTest {
    private final DaemonConfigLoader loader = new DaemonConfigLoader(Map.of());
    private final Path base = Path.of("/etc/seismo");

    @Test
    void shouldReadAFullConfigAndResolvePathsAgainstItsFolder() {
        DaemonConfig config = loader.parse("""
                listen: { host: 0.0.0.0, port: 7171 }
                auth: { tokens: [ s3cret ] }
                dataDir: /var/lib/seismo
                rulesDir: rules
                pipeline: { ringSize: 1024, parseThreads: 2 }
                sources:
                  - service: "nova-*"
                    format: regex
                    pattern: '(?<level>INFO|ERROR) (?<message>.*)'
                engine: { traceGap: 30s }
                alerting: { groupWait: 500ms, repeatInterval: 2h }
                sinks:
                  - { name: hook, type: webhook, url: "http://127.0.0.1:9/hook" }
                """, base);

        assertThat(config.listenPort()).isEqualTo(7171);
        assertThat(config.tokens()).containsExactly("s3cret");
        assertThat(config.rulesDir()).isEqualTo(Path.of("/etc/seismo/rules"));
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/seismo"));
        assertThat(config.ringSize()).isEqualTo(1024);
        assertThat(config.traceGap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.groupWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.parserFor("nova-api", "/x.log").format()).isEqualTo("regex");
        assertThat(config.parserFor("checkout", "/x.log").format()).isEqualTo("json");
        assertThat(config.sinks()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("hook");
            assertThat(s.options()).containsEntry("url", "http://127.0.0.1:9/hook").doesNotContainKey("type");
        });
    }

    @Test
    void shouldNameAnUnknownKey() {
        assertThatThrownBy(() -> loader.parse("auth: { tokens: [a] }\npipline: { ringSize: 8 }\n", base))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("pipline: unknown key");
    }

    @Test
    void shouldNameABadDurationWithItsFullPath() {
        assertThatThrownBy(() -> loader.parse("auth: { tokens: [a] }\nalerting: { groupWait: soon }\n", base))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerting.groupWait: 'soon' is not a duration");
    }

    @Test
    void shouldReadTheTimeModeAndNameABadOne() {
        assertThat(loader.parse("auth: { tokens: [a] }\n", base).timeMode()).isEqualTo(TimeMode.EVENT);
        assertThat(loader.parse("auth: { tokens: [a] }\nengine: { timeMode: processing }\n", base).timeMode())
                .isEqualTo(TimeMode.PROCESSING);
        assertThatThrownBy(() -> loader.parse("auth: { tokens: [a] }\nengine: { timeMode: wallclock }\n", base))
                .isInstanceOf(ConfigException.class)
                .hasMessage("engine.timeMode: 'wallclock' is not a time mode (write event or processing)");
    }

    @Test
    void shouldTakeNoParseThreadsToMeanParsingOnTheJournalThreadButNoFewer() {
        assertThat(loader.parse("auth: { tokens: [a] }\npipeline: { parseThreads: 0 }\n", base).parseThreads()).isZero();
        assertThatThrownBy(() -> loader.parse("auth: { tokens: [a] }\npipeline: { parseThreads: -1 }\n", base))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("pipeline.parseThreads");
    }

    @Test
    void shouldRefuseARingSizeThatIsNotAPowerOfTwo() {
        assertThatThrownBy(() -> loader.parse("auth: { tokens: [a] }\npipeline: { ringSize: 1000 }\n", base))
                .hasMessage("pipeline.ringSize: 1000 is not a power of two");
    }

    @Test
    void shouldRequireATokenAndTakeOneFromTheEnvironment() {
        assertThatThrownBy(() -> loader.parse("listen: { port: 1 }\n", base))
                .hasMessageContaining("auth.tokens: no ingest token configured");
        DaemonConfig fromEnv = new DaemonConfigLoader(Map.of("SEISMO_TOKEN", "env-token")).parse("{}", base);
        assertThat(fromEnv.tokens()).containsExactly("env-token");
    }

    @Test
    void shouldRequireAPatternForARegexSource() {
        assertThatThrownBy(() -> loader.parse("auth: { tokens: [a] }\nsources: [ { format: regex } ]\n", base))
                .hasMessage("sources[0].pattern: is required");
    }

    @Test
    void shouldDefaultToAStdoutSink() {
        DaemonConfig config = loader.parse("auth: { tokens: [a] }\n", base);
        assertThat(config.sinks()).extracting(s -> s.type()).containsExactly("stdout");
    }
}
