package io.seismo.rules.sandbox;

import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds {@link RuleBudget#step()} calls to rule code. A rule file is {@code kind('name') { part { … } }}:
 * the rule's closure is at depth 1 and its parts ({@code where}, {@code by}, conditions) at depth 2. Closures
 * deeper than that (the body of a {@code collect}) get a step at their start; a part with several statements
 * gets one before each statement after the first. A part that is one expression gets nothing, so the common
 * rule runs as compiled.
 */
final class BudgetInjector extends CompilationCustomizer {
    private static final int RULE_PART_DEPTH = 2;

    BudgetInjector() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new Visitor(source).visitClass(classNode);
    }

    private static Statement step() {
        return new ExpressionStatement(new StaticMethodCallExpression(ClassHelper.make(RuleBudget.class), "step",
                ArgumentListExpression.EMPTY_ARGUMENTS));
    }

    private static final class Visitor extends ClassCodeVisitorSupport {
        private final SourceUnit source;
        private int depth;

        Visitor(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public void visitClosureExpression(ClosureExpression closure) {
            depth++;
            try {
                super.visitClosureExpression(closure);
                if (closure.getCode() instanceof BlockStatement block) {
                    instrument(block);
                }
            } finally {
                depth--;
            }
        }

        private void instrument(BlockStatement block) {
            List<Statement> statements = block.getStatements();
            if (depth > RULE_PART_DEPTH) {
                statements.add(0, step());
            } else if (depth == RULE_PART_DEPTH && statements.size() > 1) {
                List<Statement> stepped = new ArrayList<>();
                for (int i = 0; i < statements.size(); i++) {
                    if (i > 0) {
                        stepped.add(step());
                    }
                    stepped.add(statements.get(i));
                }
                statements.clear();
                statements.addAll(stepped);
            }
        }
    }
}
