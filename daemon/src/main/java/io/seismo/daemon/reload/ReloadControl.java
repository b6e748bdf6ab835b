package io.seismo.daemon.reload;

import java.util.List;

/** What the HTTP API may ask of the reload machinery. */
public interface ReloadControl {

    /** For a server without reload (tests of other routes): refuses every reload and lists no rules. */
    ReloadControl UNAVAILABLE = new ReloadControl() {
        @Override
        public ReloadResult reload() {
            return new ReloadResult(false, 0, 0, List.of("reload is not available on this server"));
        }

        @Override
        public List<LoadedRule> rules() {
            return List.of();
        }
    };

    /** Reloads rules and sinks; blocks while a reload runs, so call it off the event loop. */
    ReloadResult reload();

    /** The rules running now (those of the last successful load). */
    List<LoadedRule> rules();

    /** The outcome of the last reload (by signal, API or a rule file change); null before the first. */
    default ReloadResult lastReload() {
        return null;
    }
}
