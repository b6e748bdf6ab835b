package io.seismo.rules.sandbox;

import groovy.lang.GroovyClassLoader;
import groovy.transform.CompileStatic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Compiles rule files in a fence: flat scripts only ({@link RuleShapeCheck}), no dangerous syntax or
 * names ({@link RestrictedSyntax}), static compilation with a call allow-list ({@link SandboxTypeChecker}),
 * no global AST transformations, and a step budget at run time ({@link BudgetInjector}).
 */
public final class Sandbox {
    private Sandbox() {
    }

    /**
     * A class loader that compiles with {@code config} after adding the sandbox to it; {@code extra}
     * customizers (the DSL's own) run alongside.
     */
    public static GroovyClassLoader classLoader(ClassLoader parent, CompilerConfiguration config,
                                                CompilationCustomizer... extra) {
        config.setDisabledGlobalASTTransformations(Set.of("groovy.grape.GrabAnnotationTransformation"));
        config.addCompilationCustomizers(new RuleShapeCheck(), new RestrictedSyntax(), new BudgetInjector());
        config.addCompilationCustomizers(extra);
        config.addCompilationCustomizers(new ASTTransformationCustomizer(
                Map.of("extensions", List.of(SandboxTypeChecker.class.getName())), CompileStatic.class));
        return new SandboxClassLoader(parent, config);
    }
}
