package io.seismo.rules.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;

/** The body of {@code cardinality(name) { … }}: distinct values per key over a window. */
@RuleApi
public final class CardinalitySpec extends KeyedEventSpec {
    static final int DEFAULT_MAX_DISTINCT = 10_000;
    static final int MAX_MAX_DISTINCT = 1_000_000;

    private RuleClosure distinct;
    private RuleClosure fireWhen;
    private int maxDistinct = DEFAULT_MAX_DISTINCT;

    CardinalitySpec() {
        super(Severity.WARNING, ThresholdSpec.DEFAULT_WINDOW);
    }

    /** The value whose distinct count is taken, e.g. {@code distinct { attr('user') }}; null values are skipped. */
    public void distinct(@DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                         @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> value) {
        distinct(null, value);
    }

    public void distinct(String sourceText,
                         @DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                         @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> value) {
        this.distinct = ruleClosure(value, sourceText, "distinct");
    }

    /** The condition: sees {@code distinct}, {@code count} and {@code capped}. */
    public void fireWhen(@DelegatesTo(value = CardinalityView.class, strategy = Closure.DELEGATE_FIRST)
                         @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.CardinalityView") Closure<?> condition) {
        fireWhen(null, condition);
    }

    public void fireWhen(String sourceText,
                         @DelegatesTo(value = CardinalityView.class, strategy = Closure.DELEGATE_FIRST)
                         @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.CardinalityView") Closure<?> condition) {
        this.fireWhen = ruleClosure(condition, sourceText, "fireWhen");
    }

    /** How many distinct values per key and window bucket are kept at most; default 10 000. */
    public void maxDistinct(int values) {
        if (values < 1 || values > MAX_MAX_DISTINCT) {
            throw new IllegalArgumentException("maxDistinct takes 1.." + MAX_MAX_DISTINCT + ", got " + values);
        }
        this.maxDistinct = values;
    }

    CardinalityDefinition build(String name, String file, int line) {
        if (distinct == null || fireWhen == null) {
            throw new IllegalArgumentException("cardinality needs distinct { attr('user') } and fireWhen { distinct >= 20 }");
        }
        return new CardinalityDefinition(name, file, line, chosenSeverity(), chosenLabels(), chosenWindow(),
                chosenWhere(), chosenBy(), distinct, fireWhen, maxDistinct);
    }
}
