package io.seismo.rules.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;
import io.seismo.rules.window.WindowSpec;

/** Rules that watch one value per event for each key ({@code value { attr('version') }}). */
@RuleApi
public abstract class KeyedValueSpec extends KeyedEventSpec {
    private RuleClosure value;

    KeyedValueSpec(Severity defaultSeverity, WindowSpec defaultWindow) {
        super(defaultSeverity, defaultWindow);
    }

    /** The value to watch; an event whose value is null is skipped. */
    public void value(@DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                      @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> extractor) {
        value(null, extractor);
    }

    public void value(String sourceText,
                      @DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                      @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> extractor) {
        this.value = ruleClosure(extractor, sourceText, "value");
    }

    RuleClosure chosenValue(String kind) {
        if (value == null) {
            throw new IllegalArgumentException(kind + " needs a value to watch: value { attr('version') }");
        }
        return value;
    }
}
