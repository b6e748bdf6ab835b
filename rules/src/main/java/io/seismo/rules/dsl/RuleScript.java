package io.seismo.rules.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;
import io.seismo.rules.sandbox.RuleApi;

/**
 * The base class of every rule file: its top-level calls are {@code threshold(name) { … }},
 * {@code metric(name) { … }} and {@code cascade(name) { … }}. The body closure runs once, at load, against a spec that records the rule.
 */
@RuleApi
public abstract class RuleScript extends Script {
    private RuleCollector collector;

    void collectInto(RuleCollector rules) {
        this.collector = rules;
    }

    /** Fires when a condition over a window of each key's events (by service unless told) starts to hold. */
    public void threshold(String name,
                          @DelegatesTo(value = ThresholdSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        collector.define(name, (file, line) -> {
            ThresholdSpec spec = new ThresholdSpec();
            runBody(body, spec);
            return spec.build(name, file, line);
        });
    }

    /** Fires when a condition over aggregates of one metric's samples (max, rate, quantile …) starts to hold. */
    public void metric(String name,
                       @DelegatesTo(value = MetricSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        collector.define(name, (file, line) -> {
            MetricSpec spec = new MetricSpec();
            runBody(body, spec);
            return spec.build(name, file, line);
        });
    }

    /** Fires once per failing root service when unhealthy services that call each other form a chain. */
    public void cascade(String name,
                        @DelegatesTo(value = CascadeSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        collector.define(name, (file, line) -> {
            CascadeSpec spec = new CascadeSpec();
            runBody(body, spec);
            return spec.build(name, file, line);
        });
    }

    /** Fires on the first matching event of each key; resolves once the key has been quiet long enough. */
    public void any(String name,
                    @DelegatesTo(value = AnySpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        collector.define(name, (file, line) -> {
            AnySpec spec = new AnySpec();
            runBody(body, spec);
            return spec.build(name, file, line);
        });
    }

    /** Fires when the share of a key's events that match {@code numerator} meets a condition over a window. */
    public void ratio(String name,
                      @DelegatesTo(value = RatioSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        collector.define(name, (file, line) -> {
            RatioSpec spec = new RatioSpec();
            runBody(body, spec);
            return spec.build(name, file, line);
        });
    }

    /** Fires when a key's count in the current window jumps against its mean over a trailing baseline. */
    public void spike(String name,
                      @DelegatesTo(value = SpikeSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        collector.define(name, (file, line) -> {
            SpikeSpec spec = new SpikeSpec();
            runBody(body, spec);
            return spec.build(name, file, line);
        });
    }

    /** Fires when a key seen before has had no matching event for too long (a missing heartbeat). */
    public void absence(String name,
                        @DelegatesTo(value = AbsenceSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        collector.define(name, (file, line) -> {
            AbsenceSpec spec = new AbsenceSpec();
            runBody(body, spec);
            return spec.build(name, file, line);
        });
    }

    /** Reports the first sight of a value for a key (a new user agent for a user, a new country for a card). */
    public void newValue(String name,
                         @DelegatesTo(value = NewValueSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        collector.define(name, (file, line) -> {
            NewValueSpec spec = new NewValueSpec();
            runBody(body, spec);
            return spec.build(name, file, line);
        });
    }

    /** Reports when the value for a key differs from its last one (a host's version, a user's country). */
    public void change(String name,
                       @DelegatesTo(value = ChangeSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        collector.define(name, (file, line) -> {
            ChangeSpec spec = new ChangeSpec();
            runBody(body, spec);
            return spec.build(name, file, line);
        });
    }

    /** Reports an event followed by another for the same key within a time, with a condition over both. */
    public void sequence(String name,
                         @DelegatesTo(value = SequenceSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        collector.define(name, (file, line) -> {
            SequenceSpec spec = new SequenceSpec();
            runBody(body, spec);
            return spec.build(name, file, line);
        });
    }

    /** Fires when the number of distinct values per key over a window meets a condition. */
    public void cardinality(String name,
                            @DelegatesTo(value = CardinalitySpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        collector.define(name, (file, line) -> {
            CardinalitySpec spec = new CardinalitySpec();
            runBody(body, spec);
            return spec.build(name, file, line);
        });
    }

    /**
     * A threshold over closed traces: {@code where} and {@code by} see a trace's {@code services},
     * {@code errorServices}, {@code edges}, {@code firstError}, {@code durationMillis} and {@code traceId}.
     */
    public void traces(String name,
                       @DelegatesTo(value = ThresholdSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        collector.define(name, (file, line) -> {
            ThresholdSpec spec = new ThresholdSpec();
            runBody(body, spec);
            return new TracesDefinition(spec.build(name, file, line));
        });
    }

    /** Fires when a session of a key (its events at most a gap apart) ends and its condition holds over all of it. */
    public void session(String name,
                        @DelegatesTo(value = SessionSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        collector.define(name, (file, line) -> {
            SessionSpec spec = new SessionSpec();
            runBody(body, spec);
            return spec.build(name, file, line);
        });
    }

    private void runBody(Closure<?> body, RuleSpec spec) {
        collector.bodyOf(spec);
        if (body == null) {
            return;
        }
        body.setDelegate(spec);
        body.setResolveStrategy(Closure.DELEGATE_FIRST);
        body.call();
    }
}
