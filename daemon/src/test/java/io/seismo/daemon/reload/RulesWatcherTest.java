package io.seismo.daemon.reload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RulesWatcherTest {
    @TempDir
    Path dir;

    private final List<String> reloads = new ArrayList<>();
    private final ReloadControl control = new ReloadControl() {
        @Override
        public ReloadResult reload() {
            reloads.add("reload");
            return new ReloadResult(true, 1, 0, List.of());
        }

        @Override
        public List<LoadedRule> rules() {
            return List.of();
        }
    };

    @Test
    void shouldReloadOnceAfterAChangedFileHasSettled() throws IOException {
        write("a.groovy", "threshold('a') { fireWhen { errors >= 1 } }");
        RulesWatcher watcher = new RulesWatcher(() -> dir, control);

        write("a.groovy", "threshold('a') { fireWhen { errors >= 2 } }");
        assertThat(watcher.poll()).as("first sight of a change: maybe half-written").isNull();
        assertThat(watcher.poll()).as("unchanged since the last poll: settled").isNotNull();
        assertThat(watcher.poll()).as("nothing new").isNull();

        assertThat(reloads).hasSize(1);
        watcher.close();
    }

    @Test
    void shouldNotReloadForUnchangedRulesOrOtherFiles() throws IOException {
        write("a.groovy", "threshold('a') { fireWhen { errors >= 1 } }");
        RulesWatcher watcher = new RulesWatcher(() -> dir, control);

        write("notes.txt", "not a rule");
        write("a.groovy", "threshold('a') { fireWhen { errors >= 1 } }");
        watcher.poll();
        watcher.poll();

        assertThat(reloads).isEmpty();
        watcher.close();
    }

    @Test
    void shouldReloadWhenARuleFileIsAddedOrRemoved() throws IOException {
        write("a.groovy", "threshold('a') { fireWhen { errors >= 1 } }");
        RulesWatcher watcher = new RulesWatcher(() -> dir, control);

        write("b.groovy", "threshold('b') { fireWhen { errors >= 1 } }");
        watcher.poll();
        watcher.poll();
        Files.delete(dir.resolve("b.groovy"));
        watcher.poll();
        watcher.poll();

        assertThat(reloads).hasSize(2);
        watcher.close();
    }

    @Test
    void shouldKeepPollingWhenTheFolderDisappears() throws IOException {
        write("a.groovy", "threshold('a') { fireWhen { errors >= 1 } }");
        Path gone = dir.resolve("missing");
        RulesWatcher watcher = new RulesWatcher(() -> gone, control);

        assertThat(watcher.poll()).isNull();
        assertThat(watcher.poll()).isNull();

        assertThat(reloads).isEmpty();
        watcher.close();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
