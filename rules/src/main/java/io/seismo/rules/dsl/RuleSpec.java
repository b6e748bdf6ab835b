package io.seismo.rules.dsl;

import groovy.lang.Closure;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;
import io.seismo.rules.window.WindowSpec;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What every rule body can say: severity, labels and window. Public methods here are the DSL. */
@RuleApi
public abstract class RuleSpec {
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** Labels the engine sets itself, so that alert fingerprints stay predictable. */
    private static final Set<String> RESERVED_LABELS = Set.of("alertname", "service", "key");

    private final Map<String, String> labels = new LinkedHashMap<>();
    private Severity severity;
    private WindowSpec window;
    private LatePolicy late = LatePolicy.COUNT;

    RuleSpec(Severity defaultSeverity, WindowSpec defaultWindow) {
        this.severity = defaultSeverity;
        this.window = defaultWindow;
    }

    public void severity(Severity level) {
        if (level == null) {
            throw new IllegalArgumentException("severity must be CRITICAL, WARNING or INFO");
        }
        this.severity = level;
    }

    /** Extra labels for the rule's findings, e.g. {@code labels team: 'payments'}. */
    public void labels(Map<String, ?> more) {
        for (Map.Entry<String, ?> label : more.entrySet()) {
            String name = label.getKey();
            if (name == null || !LABEL_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("label name '" + name + "' is not a valid label name ([a-zA-Z_][a-zA-Z0-9_]*)");
            }
            if (RESERVED_LABELS.contains(name)) {
                throw new IllegalArgumentException("label '" + name + "' is set by Seismo and cannot be overridden");
            }
            labels.put(name, String.valueOf(label.getValue()));
        }
    }

    public void window(WindowSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("window needs sliding(size, every) or tumbling(size)");
        }
        this.window = spec;
    }

    /** A window {@code size} long, evaluated every {@code every}. */
    public WindowSpec sliding(Duration size, Duration every) {
        return WindowSpec.sliding(nanos(size, "window size"), nanos(every, "window slide"));
    }

    /** The named-argument form: {@code sliding(1.minute, every: 10.seconds)}. */
    public WindowSpec sliding(Map<String, Duration> named, Duration size) {
        if (named.size() != 1 || !named.containsKey("every")) {
            throw new IllegalArgumentException("sliding takes one named argument, every:, got " + named.keySet());
        }
        return sliding(size, named.get("every"));
    }

    public WindowSpec tumbling(Duration size) {
        return WindowSpec.tumbling(nanos(size, "window size"));
    }

    /** What to do with events behind the watermark: {@code late COUNT} (the default) or {@code late DROP}. */
    public void late(LatePolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("late must be COUNT or DROP");
        }
        this.late = policy;
    }

    public LatePolicy getCOUNT() {
        return LatePolicy.COUNT;
    }

    public LatePolicy getDROP() {
        return LatePolicy.DROP;
    }

    public Severity getCRITICAL() {
        return Severity.CRITICAL;
    }

    public Severity getWARNING() {
        return Severity.WARNING;
    }

    public Severity getINFO() {
        return Severity.INFO;
    }

    LatePolicy chosenLatePolicy() {
        return late;
    }

    Severity chosenSeverity() {
        return severity;
    }

    WindowSpec chosenWindow() {
        return window;
    }

    Map<String, String> chosenLabels() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    static RuleClosure ruleClosure(Closure<?> closure, String sourceText, String what) {
        if (closure == null) {
            throw new IllegalArgumentException(what + " needs a closure: " + what + " { … }");
        }
        return new RuleClosure(closure, sourceText);
    }

    static long nanos(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration such as 30.seconds, got " + duration);
        }
        return duration.toNanos();
    }
}
