package io.seismo.rules.dsl;

import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.syntax.Types;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The services a {@code where} can accept at all, read off its source: {@code service == 'checkout' && …}
 * can only let checkout's events through. The engine then shows a rule only the events of those services,
 * which is what keeps a hundred rules affordable per event (most rules watch one or two services).
 *
 * <p>Sound by construction: a set is derived only from {@code ==} and {@code in} on {@code service} against
 * string literals, combined by {@code &&} (intersection, or either side alone) and {@code ||} (union, only if
 * both sides are guarded). Anything else, a closure whose {@code service} is a captured local variable, a
 * literal with whitespace (the kept source text collapses it) or text that does not parse, gives
 * {@link #ANY}.
 */
public final class ServiceGuard {
    /** No restriction: every service's events. */
    public static final ServiceGuard ANY = new ServiceGuard(null);
    /** No event of any service (a rule the engine feeds by other means). */
    public static final ServiceGuard NONE = new ServiceGuard(Set.of());
    private static final String SERVICE = "service";

    private final Set<String> services;

    private ServiceGuard(Set<String> services) {
        this.services = services;
    }

    /** The guard of a rule's {@code where}; {@link #ANY} without one, or for a rule written in Java. */
    static ServiceGuard of(RuleClosure where) {
        if (where == null || !where.isScript() || where.capturesVariable(SERVICE)) {
            return ANY;
        }
        return ofSource(where.sourceText());
    }

    /** The guard of a {@code where} body as source text. */
    static ServiceGuard ofSource(String body) {
        BlockStatement block = ClosureSyntax.parse(body);
        if (block == null) {
            // Text the parser cannot read (truncated, say) only costs the optimisation.
            return ANY;
        }
        List<Statement> statements = block.getStatements();
        if (statements.size() != 1 || !(statements.get(0) instanceof ExpressionStatement statement)) {
            return ANY;
        }
        Set<String> found = servicesOf(statement.getExpression());
        return found == null ? ANY : new ServiceGuard(Set.copyOf(found));
    }

    /** Whether every service passes. */
    public boolean acceptsAll() {
        return services == null;
    }

    /** Whether events of {@code service} may match; null (no service) passes only {@link #ANY}. */
    public boolean mayAccept(String service) {
        return services == null || (service != null && services.contains(service));
    }

    /** The services that may match; empty for {@link #ANY}. */
    public Set<String> services() {
        return services == null ? Set.of() : services;
    }

    private static Set<String> servicesOf(Expression expression) {
        if (!(expression instanceof BinaryExpression binary)) {
            return null;
        }
        int operator = binary.getOperation().getType();
        if (operator == Types.LOGICAL_AND) {
            Set<String> left = servicesOf(binary.getLeftExpression());
            Set<String> right = servicesOf(binary.getRightExpression());
            if (left == null || right == null) {
                return left == null ? right : left;
            }
            Set<String> both = new HashSet<>(left);
            both.retainAll(right);
            return both;
        }
        if (operator == Types.LOGICAL_OR) {
            Set<String> left = servicesOf(binary.getLeftExpression());
            Set<String> right = servicesOf(binary.getRightExpression());
            if (left == null || right == null) {
                return null;
            }
            Set<String> either = new HashSet<>(left);
            either.addAll(right);
            return either;
        }
        if (operator == Types.COMPARE_EQUAL) {
            String literal = isService(binary.getLeftExpression()) ? literal(binary.getRightExpression())
                    : isService(binary.getRightExpression()) ? literal(binary.getLeftExpression()) : null;
            return literal == null ? null : Set.of(literal);
        }
        if (operator == Types.KEYWORD_IN && isService(binary.getLeftExpression())
                && binary.getRightExpression() instanceof ListExpression list) {
            Set<String> listed = new HashSet<>();
            for (Expression item : list.getExpressions()) {
                String literal = literal(item);
                if (literal == null) {
                    return null;
                }
                listed.add(literal);
            }
            return listed;
        }
        return null;
    }

    private static boolean isService(Expression expression) {
        return expression instanceof VariableExpression variable && SERVICE.equals(variable.getName());
    }

    private static String literal(Expression expression) {
        if (expression instanceof ConstantExpression constant && constant.getValue() instanceof String text
                && text.chars().noneMatch(Character::isWhitespace)) {
            return text;
        }
        return null;
    }

    @Override
    public String toString() {
        return services == null ? "any service" : "services " + services;
    }
}
