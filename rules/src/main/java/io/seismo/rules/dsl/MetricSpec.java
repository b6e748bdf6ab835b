package io.seismo.rules.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;
import io.seismo.rules.window.WindowSpec;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The body of {@code metric(name) { … }}. The one-argument methods are what rule authors write; the compiler
 * turns them into the two-argument forms, passing the closure's source text.
 */
@RuleApi
public final class MetricSpec extends RuleSpec {
    static final WindowSpec DEFAULT_WINDOW = WindowSpec.sliding(Duration.ofMinutes(1).toNanos(), Duration.ofSeconds(10).toNanos());
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private String metricName;
    private RuleClosure where;
    private RuleClosure by;
    private RuleClosure fireWhen;

    MetricSpec() {
        super(Severity.WARNING, DEFAULT_WINDOW);
    }

    /** The metric the rule reads; for {@code quantile(q)}, the histogram's name (its {@code _bucket} samples are read). */
    public void name(String metric) {
        if (metric == null || !METRIC_NAME.matcher(metric).matches()) {
            throw new IllegalArgumentException("name must be a Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*), got '"
                    + metric + "'");
        }
        this.metricName = metric;
    }

    /** Which samples count (sees name, value, labels, type, service, host); by default every sample of the metric. */
    public MetricSpec where(@DelegatesTo(value = MetricView.class, strategy = Closure.DELEGATE_FIRST)
                      @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.MetricView") Closure<?> predicate) {
        return where(null, predicate);
    }

    /** Returns the spec, so that {@code where { … } by { … }} can share a line. */
    public MetricSpec where(String sourceText,
                      @DelegatesTo(value = MetricView.class, strategy = Closure.DELEGATE_FIRST)
                      @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.MetricView") Closure<?> predicate) {
        this.where = ruleClosure(predicate, sourceText, "where");
        return this;
    }

    /** What to group by; by default the sample's service. */
    public void by(@DelegatesTo(value = MetricView.class, strategy = Closure.DELEGATE_FIRST)
                   @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.MetricView") Closure<?> key) {
        by(null, key);
    }

    public void by(String sourceText,
                   @DelegatesTo(value = MetricView.class, strategy = Closure.DELEGATE_FIRST)
                   @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.MetricView") Closure<?> key) {
        this.by = ruleClosure(key, sourceText, "by");
    }

    /** The condition over a key's window: last, min, max, avg, count, rate, quantile(q). */
    public void fireWhen(@DelegatesTo(value = MetricWindowView.class, strategy = Closure.DELEGATE_FIRST)
                         @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.MetricWindowView") Closure<?> condition) {
        fireWhen(null, condition);
    }

    public void fireWhen(String sourceText,
                         @DelegatesTo(value = MetricWindowView.class, strategy = Closure.DELEGATE_FIRST)
                         @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.MetricWindowView") Closure<?> condition) {
        this.fireWhen = ruleClosure(condition, sourceText, "fireWhen");
    }

    MetricDefinition build(String name, String file, int line) {
        if (metricName == null) {
            throw new IllegalArgumentException("metric rule needs the metric it reads: name 'db_pool_in_use'");
        }
        if (fireWhen == null) {
            throw new IllegalArgumentException("metric rule needs a condition: fireWhen { max > 45 }");
        }
        return new MetricDefinition(name, file, line, chosenSeverity(), chosenLabels(), chosenWindow(), metricName,
                where, by, fireWhen);
    }
}
