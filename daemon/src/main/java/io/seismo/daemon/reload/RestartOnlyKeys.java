package io.seismo.daemon.reload;

import io.seismo.daemon.config.DaemonConfig;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The config settings a reload cannot apply. Every {@link DaemonConfig} component other than the rules and
 * the sinks counts, read from the record itself so a setting added later is covered without a change here.
 */
final class RestartOnlyKeys {
    private static final Set<String> RELOADABLE = Set.of("rulesDir", "sinks");

    private RestartOnlyKeys() {
    }

    /** The names of the settings that differ (names only: some values, like tokens, are secrets). */
    static List<String> changed(DaemonConfig running, DaemonConfig loaded) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : DaemonConfig.class.getRecordComponents()) {
            if (!RELOADABLE.contains(component.getName())
                    && !Objects.equals(value(component, running), value(component, loaded))) {
                changed.add(component.getName());
            }
        }
        return changed;
    }

    private static Object value(RecordComponent component, DaemonConfig config) {
        try {
            return component.getAccessor().invoke(config);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read config setting " + component.getName(), e);
        }
    }
}
