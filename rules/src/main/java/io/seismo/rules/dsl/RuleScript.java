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

    private static void runBody(Closure<?> body, RuleSpec spec) {
        if (body == null) {
            return;
        }
        body.setDelegate(spec);
        body.setResolveStrategy(Closure.DELEGATE_FIRST);
        body.call();
    }
}
