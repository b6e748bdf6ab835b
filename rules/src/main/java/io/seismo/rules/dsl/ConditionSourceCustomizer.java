package io.seismo.rules.dsl;

import java.util.Set;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.io.ReaderSource;

/**
 * Hands each condition closure its own source text, so that a finding can say what was compared
 * ({@code errors >= 5 && errorRatio > 0.2}) rather than "a closure". It rewrites {@code fireWhen { … }} into
 * {@code fireWhen('…', { … })} before type checking; the DSL has the two-argument form for this.
 */
final class ConditionSourceCustomizer extends CompilationCustomizer {
    private static final Set<String> CONDITION_METHODS = Set.of("where", "by", "fireWhen", "unhealthyWhen", "numerator", "denominator", "value", "first", "then", "when", "distinct");
    private static final int MAX_TEXT_CHARS = 500;

    ConditionSourceCustomizer() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new Visitor(source).visitClass(classNode);
    }

    private static final class Visitor extends ClassCodeVisitorSupport {
        private final SourceUnit source;

        Visitor(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            super.visitMethodCallExpression(call);
            if (!call.isImplicitThis() || !CONDITION_METHODS.contains(call.getMethodAsString())
                    || !(call.getArguments() instanceof ArgumentListExpression arguments)
                    || arguments.getExpressions().size() != 1
                    || !(arguments.getExpression(0) instanceof ClosureExpression closure)) {
                return;
            }
            String text = textOf(closure);
            if (text != null) {
                arguments.getExpressions().add(0, positioned(new ConstantExpression(text), closure));
            }
        }

        private String textOf(ClosureExpression closure) {
            int firstLine = closure.getLineNumber();
            int lastLine = closure.getLastLineNumber();
            if (firstLine < 1 || lastLine < firstLine) {
                return null;
            }
            ReaderSource reader = source.getSource();
            StringBuilder text = new StringBuilder();
            for (int line = firstLine; line <= lastLine; line++) {
                String content = reader.getLine(line, null);
                if (content == null) {
                    return null;
                }
                int from = line == firstLine ? Math.min(content.length(), closure.getColumnNumber() - 1) : 0;
                int to = line == lastLine ? Math.min(content.length(), closure.getLastColumnNumber() - 1) : content.length();
                text.append(content, Math.max(0, from), Math.max(from, to)).append('\n');
            }
            return tidy(text.toString());
        }

        private static String tidy(String raw) {
            String body = raw.strip();
            if (body.startsWith("{") && body.endsWith("}")) {
                body = body.substring(1, body.length() - 1);
            }
            body = body.replaceAll("\\s+", " ").strip();
            return body.length() > MAX_TEXT_CHARS ? body.substring(0, MAX_TEXT_CHARS) + "…" : body;
        }

        private static Expression positioned(Expression expression, ClosureExpression closure) {
            expression.setSourcePosition(closure);
            return expression;
        }
    }
}
