package io.seismo.rules.sandbox;

import org.codehaus.groovy.ast.AnnotatedNode;
import org.codehaus.groovy.ast.AnnotationNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Keeps a rule file a flat script: no package, no classes, no methods, no annotations. Runs at conversion,
 * before local AST transformations are collected, because an annotation such as {@code @ASTTest} runs its
 * code inside the compiler.
 */
final class RuleShapeCheck extends CompilationCustomizer {

    RuleShapeCheck() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        ModuleNode module = source.getAST();
        if (classNode == module.getClasses().get(0)) {
            checkModule(source, module);
        }
        if (!classNode.isScript()) {
            CompileErrors.report(source, "rule files may not declare classes ('" + classNode.getNameWithoutPackage()
                    + "'); write rules with threshold(...) { } and cascade(...) { }", classNode);
        }
        new AnnotationFinder(source).visitClass(classNode);
    }

    private static void checkModule(SourceUnit source, ModuleNode module) {
        if (module.getPackage() != null) {
            CompileErrors.report(source, "rule files may not declare a package", module.getPackage());
        }
        for (MethodNode method : module.getMethods()) {
            CompileErrors.report(source, "rule files may not declare methods ('" + method.getName()
                    + "'); put the logic in the rule's closures", method);
        }
        for (ImportNode anImport : module.getImports()) {
            rejectAnnotations(source, anImport);
        }
        for (ImportNode anImport : module.getStarImports()) {
            rejectAnnotations(source, anImport);
        }
    }

    private static void rejectAnnotations(SourceUnit source, AnnotatedNode node) {
        for (AnnotationNode annotation : node.getAnnotations()) {
            // Annotations the compiler generated (on the script's run and main methods) have no position.
            if (annotation.getLineNumber() > 0) {
                CompileErrors.report(source, "annotations are not allowed in rule files (@"
                        + annotation.getClassNode().getNameWithoutPackage() + ")", annotation);
            }
        }
    }

    private static final class AnnotationFinder extends ClassCodeVisitorSupport {
        private final SourceUnit source;

        AnnotationFinder(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public void visitAnnotations(AnnotatedNode node) {
            rejectAnnotations(source, node);
        }
    }
}
