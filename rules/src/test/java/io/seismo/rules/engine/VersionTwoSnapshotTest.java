package io.seismo.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.dsl.RuleLoadException;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.dsl.RuleSource;
import io.seismo.rules.engine.RandomTraffic.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A checkpoint written before an upgrade restores after it: snapshots in format version 2, as the engine of
 * 7015aef (the last to write that version) took them of {@link RandomTraffic} seed 11 at two steps, restore
 * into today's engine, and the rest of the stream then reports exactly what an engine that never stopped reports.
 * The files are that engine's bytes; if {@link RandomTraffic} or the rules below change, they no longer match the
 * stream and this test fails rather than passes by accident.
 */
class VersionTwoSnapshotTest {
    private static final long SEED = 11;
    private static final int SECONDS = 240;

    private static final String RULES = """
            threshold('trace-errors') {
                by { traceId }
                window tumbling(5.seconds)
                fireWhen { errors >= 1 }
            }
            session('error-sessions') {
                where { level >= ERROR }
                gap 2.seconds
                fireWhen { count >= 2 }
            }
            traces('failed-traces') {
                where { !errorServices.isEmpty() }
                window tumbling(10.seconds)
                fireWhen { count >= 1 }
            }
            cascade('service-cascade') {
                within 2.minutes
                window sliding(30.seconds, 1.second)
                unhealthyWhen { errors >= 5 && errorRatio > 0.2 }
                calls 'payments', 'payments-db'
            }
            """;

    private static RuleSet rules() throws RuleLoadException {
        return RuleSet.compile(List.of(new RuleSource("v2.groovy", RULES)));
    }

    private static String fileName(int cut) {
        return "snapshot-v2-seed" + SEED + "-step" + cut + ".bin";
    }

    /** {@code cut}: the step the snapshot was taken after, each right after an event, with traces half assembled. */
    @ParameterizedTest(name = "snapshot after step {0}")
    @ValueSource(ints = {2_001, 8_002})
    void shouldRestoreAVersionTwoSnapshotAndGoOnExactlyAsTheEngineThatNeverStopped(int cut) throws Exception {
        byte[] saved = resource(fileName(cut));
        assertThat(ByteBuffer.wrap(saved).getInt(Integer.BYTES)).as("format version of the file").isEqualTo(2);
        RuleSet rules = rules();
        List<Step> steps = RandomTraffic.generateShortMessages(SEED, SECONDS);
        Replay reference = new Replay(rules, EngineOptions.defaults()).feed(steps, 0, cut);
        assertThat(reference.engine().openTraces()).as("open traces at the cut").isGreaterThan(10);
        reference.feed(steps, cut, steps.size());
        assertThat(reference.findingsFrom(cut)).as("findings after the cut").isNotEmpty();

        Replay restored = new Replay(rules, EngineOptions.defaults());
        restored.engine().restore(EngineSnapshot.fromBytes(saved));
        restored.feed(steps, cut, steps.size());

        assertThat(restored.findingsFrom(cut)).isEqualTo(reference.findingsFrom(cut));
        assertThat(restored.tracesFrom(cut)).isEqualTo(reference.tracesFrom(cut));
        assertThat(restored.engine().eventsSeen()).isEqualTo(reference.engine().eventsSeen());
        assertThat(restored.engine().openTraces()).isEqualTo(reference.engine().openTraces());
        assertThat(restored.engine().dependencyGraph().edges()).isEqualTo(reference.engine().dependencyGraph().edges());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = VersionTwoSnapshotTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
