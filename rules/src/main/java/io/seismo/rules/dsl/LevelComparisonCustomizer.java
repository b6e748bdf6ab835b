package io.seismo.rules.dsl;

import io.seismo.rules.event.Level;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Types;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles {@code level >= ERROR} to a comparison of ordinals. Even statically compiled, Groovy turns an
 * ordering of two non-numbers into a dynamic {@code compareTo} call through the meta-class, and a where with
 * one ran several times slower than the rest of the rule. An enum's order is its ordinals' order, so the
 * result is the same. Only comparisons with a level constant on one side are rewritten; a side that is not a
 * level then fails type checking at load time with a clear message rather than at run time.
 */
final class LevelComparisonCustomizer extends CompilationCustomizer {
    private static final Set<String> LEVEL_CONSTANTS =
            Arrays.stream(Level.values()).map(Level::name).collect(Collectors.toUnmodifiableSet());
    private static final Set<Integer> ORDERINGS = Set.of(Types.COMPARE_LESS_THAN, Types.COMPARE_LESS_THAN_EQUAL,
            Types.COMPARE_GREATER_THAN, Types.COMPARE_GREATER_THAN_EQUAL);

    LevelComparisonCustomizer() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new Rewriter(source).visitClass(classNode);
    }

    private static final class Rewriter extends ClassCodeExpressionTransformer {
        private final SourceUnit source;

        Rewriter(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public Expression transform(Expression expression) {
            if (expression instanceof ClosureExpression closure) {
                // Closure bodies are not visited by the default transformer; their code is where rules compare levels.
                closure.getCode().visit(this);
                return closure;
            }
            Expression transformed = super.transform(expression);
            if (transformed instanceof BinaryExpression binary && ORDERINGS.contains(binary.getOperation().getType())
                    && (isLevelConstant(binary.getLeftExpression()) || isLevelConstant(binary.getRightExpression()))) {
                BinaryExpression ordinals = new BinaryExpression(ordinal(binary.getLeftExpression()), binary.getOperation(),
                        ordinal(binary.getRightExpression()));
                ordinals.setSourcePosition(binary);
                return ordinals;
            }
            return transformed;
        }

        private static boolean isLevelConstant(Expression expression) {
            return expression instanceof VariableExpression variable && LEVEL_CONSTANTS.contains(variable.getName());
        }

        private static Expression ordinal(Expression side) {
            MethodCallExpression call = new MethodCallExpression(side, "ordinal", ArgumentListExpression.EMPTY_ARGUMENTS);
            call.setImplicitThis(false);
            call.setSourcePosition(side);
            return call;
        }
    }
}
