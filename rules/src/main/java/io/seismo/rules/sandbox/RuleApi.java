package io.seismo.rules.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose public methods rule files may call. The sandbox's type checker lets a rule call
 * nothing else but a short list of JDK value types, so a DSL class without this mark is unreachable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleApi {
}
