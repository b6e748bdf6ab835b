package io.seismo.daemon.silence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SilenceStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Map<String, String> CHECKOUT = Map.of("alertname", "errors", "service", "checkout");
    private static final Map<String, String> AUTH = Map.of("alertname", "errors", "service", "auth");

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = now::get;
    private final AtomicInteger loadFailures = new AtomicInteger();

    @Test
    void shouldMuteMatchingAlertsOnlyWhileActive() throws Exception {
        SilenceStore store = open();
        Silence later = store.add(draft(List.of("service=\"checkout\""), T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(20))));

        assertThat(later.state(T0)).isEqualTo(SilenceState.PENDING);
        assertThat(store.silencing(CHECKOUT, T0)).isEmpty();
        assertThat(store.silencing(CHECKOUT, T0.plus(Duration.ofMinutes(10)))).contains(later);
        assertThat(store.silencing(AUTH, T0.plus(Duration.ofMinutes(15)))).isEmpty();
        assertThat(store.silencing(CHECKOUT, T0.plus(Duration.ofMinutes(20)))).isEmpty();
        assertThat(later.state(T0.plus(Duration.ofMinutes(20)))).isEqualTo(SilenceState.EXPIRED);
    }

    @Test
    void shouldEndASilenceWhenExpiredAndSayWhenTheIdIsUnknown() throws Exception {
        SilenceStore store = open();
        Silence silence = store.add(draft(List.of("service=~\"check.*\""), null, T0.plus(Duration.ofHours(2))));
        now.set(T0.plus(Duration.ofMinutes(5)));

        assertThat(store.expire(silence.id())).isTrue();
        assertThat(store.expire("no-such-id")).isFalse();

        assertThat(store.silencing(CHECKOUT, now.get())).isEmpty();
        assertThat(store.find(silence.id()).orElseThrow().endsAt()).isEqualTo(now.get());
        assertThat(store.count(SilenceState.EXPIRED, now.get())).isEqualTo(1);
    }

    @Test
    void shouldKeepSilencesAcrossARestart() throws Exception {
        Silence saved = open().add(new SilenceDraft(List.of("service=\"checkout\"", "severity!=\"info\""), null,
                T0.plus(Duration.ofHours(1)), "alice", "deploy of 4.2"));

        SilenceStore reopened = open();

        assertThat(reopened.list()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(saved.id());
            assertThat(s.matchers().toString()).isEqualTo("{service=\"checkout\", severity!=\"info\"}");
            assertThat(s.startsAt()).isEqualTo(T0);
            assertThat(s.endsAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
            assertThat(s.createdBy()).isEqualTo("alice");
            assertThat(s.comment()).isEqualTo("deploy of 4.2");
        });
        assertThat(reopened.silencing(CHECKOUT, T0.plusSeconds(1))).isPresent();
        assertThat(loadFailures).hasValue(0);
    }

    @Test
    void shouldMoveADamagedFileAsideCountItAndStartEmpty() throws Exception {
        Files.writeString(dir.resolve("silences.json"), "{\"silences\": [ {\"id\": \"x\", \"matchers\"", StandardCharsets.UTF_8);

        SilenceStore store = open();

        assertThat(store.list()).isEmpty();
        assertThat(loadFailures).hasValue(1);
        assertThat(dir.resolve("silences.json.corrupt-" + T0.toEpochMilli())).exists();
        assertThat(dir.resolve("silences.json")).doesNotExist();
        store.add(draft(List.of("service=\"checkout\""), null, T0.plusSeconds(60)));
        assertThat(open().list()).hasSize(1);
    }

    @Test
    void shouldForgetSilencesADayAfterTheyEnded() throws Exception {
        SilenceStore store = open();
        Silence old = store.add(draft(List.of("service=\"auth\""), null, T0.plus(Duration.ofMinutes(1))));
        now.set(T0.plus(Duration.ofMinutes(1)).plus(SilenceStore.RETENTION).plusSeconds(1));

        store.add(draft(List.of("service=\"checkout\""), null, now.get().plusSeconds(60)));

        assertThat(store.list()).extracting(Silence::id).doesNotContain(old.id()).hasSize(1);
    }

    @Test
    void shouldRefuseASilenceWithoutMatchersWithABadMatcherOrEndingBeforeItStarts() throws Exception {
        SilenceStore store = open();

        assertThatThrownBy(() -> store.add(draft(List.of(), null, T0.plusSeconds(60))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one matcher");
        assertThatThrownBy(() -> store.add(draft(List.of("service=checkout\""), null, T0.plusSeconds(60))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.add(draft(List.of("service=\"a\""), null, T0.minusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> store.add(draft(List.of("service=\"a\""), null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an end");
        assertThat(store.list()).isEmpty();
        assertThat(dir.resolve("silences.json")).doesNotExist();
    }

    private SilenceStore open() throws Exception {
        return SilenceStore.open(dir.resolve("silences.json"), clock, loadFailures::incrementAndGet);
    }

    private static SilenceDraft draft(List<String> matchers, Instant start, Instant end) {
        return new SilenceDraft(matchers, start, end, "test", "");
    }
}
