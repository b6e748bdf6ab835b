package io.seismo.daemon.reload;

import java.util.List;

/**
 * The outcome of one reload, as the API returns it. When {@code ok} is false nothing changed, and
 * {@code rules}/{@code sinks} count what still runs.
 *
 * @param problems every reason the reload was refused; for rules, one {@code file:line:column: message} each
 */
public record ReloadResult(boolean ok, int rules, int sinks, List<String> problems) {

    public ReloadResult {
        problems = List.copyOf(problems);
    }
}
