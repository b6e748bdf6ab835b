package io.seismo.sink;

import io.seismo.sink.format.AlertTemplates;
import io.seismo.sink.format.TemplatedSink;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** Builds configured sinks, finding the provider for each {@code type} through {@link ServiceLoader}. */
public final class AlertSinks {

    private AlertSinks() {
    }

    /**
     * Creates the sink that {@code spec} describes, its alerts worded by its {@code template} option (see
     * {@link AlertTemplates}), or throws {@link IllegalArgumentException} naming the sink and the unknown type, the
     * bad option or the unknown template placeholder.
     */
    public static AlertSink create(SinkSpec spec, SinkContext context) {
        if (spec.type() == null || spec.type().isBlank()) {
            throw new IllegalArgumentException("sink '" + spec.name() + "': option 'type' is required (known: "
                    + String.join(", ", types()) + ")");
        }
        AlertSinkProvider provider = providers().get(spec.type());
        if (provider == null) {
            throw new IllegalArgumentException("sink '" + spec.name() + "': unknown type '" + spec.type()
                    + "' (known: " + String.join(", ", types()) + ")");
        }
        AlertTemplates templates = AlertTemplates.of(spec);
        return new TemplatedSink(provider.create(spec.without(AlertTemplates.OPTION), context), templates);
    }

    /** The sink types available on the class path, sorted. */
    public static Set<String> types() {
        return providers().keySet();
    }

    private static Map<String, AlertSinkProvider> providers() {
        Map<String, AlertSinkProvider> byType = new TreeMap<>();
        for (AlertSinkProvider provider : ServiceLoader.load(AlertSinkProvider.class)) {
            AlertSinkProvider clash = byType.putIfAbsent(provider.type(), provider);
            if (clash != null) {
                throw new IllegalStateException("two sink providers claim type '" + provider.type() + "': "
                        + clash.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return byType;
    }
}
