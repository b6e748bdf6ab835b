package io.seismo.rules.dsl;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.FieldExpression;
import org.codehaus.groovy.ast.expr.LambdaExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.MethodReferenceExpression;
import org.codehaus.groovy.ast.expr.PostfixExpression;
import org.codehaus.groovy.ast.expr.PrefixExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.syntax.Types;

/**
 * Whether a {@code where} or {@code by} body is a function of the event alone, told from its kept source text:
 * it names only the properties and methods of {@link EventView} (and {@code it}, the view), and declares,
 * assigns, constructs, captures and nests nothing. Two such bodies with the same text then compute the same for
 * every event, in whatever rule or file they stand, which is what lets rules share their windows.
 *
 * <p>The kept text has its whitespace collapsed and is cut at 500 characters, so a body whose text could stand
 * for another is refused: one with a comment (a line comment swallows what a collapsed newline ended), a
 * string literal with whitespace, or a cut. Refusing only costs the sharing.
 */
final class ViewFunction {
    private static final Set<String> VIEW_PROPERTIES = new HashSet<>();
    private static final Set<String> VIEW_METHODS = new HashSet<>();

    static {
        for (Method method : EventView.class.getMethods()) {
            if (method.getDeclaringClass() != EventView.class || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = method.getName();
            VIEW_METHODS.add(name);
            if (method.getParameterCount() == 0) {
                if (name.startsWith("get") && name.length() > 3) {
                    VIEW_PROPERTIES.add(propertyName(name.substring(3)));
                } else if (name.startsWith("is") && name.length() > 2) {
                    VIEW_PROPERTIES.add(propertyName(name.substring(2)));
                }
            }
        }
        VIEW_PROPERTIES.add("it");
    }

    private ViewFunction() {
    }

    /** Whether {@code body}, a closure's kept source text, reads nothing but the event view. */
    static boolean readsOnlyTheView(String body) {
        if (body == null || body.endsWith("…") || body.contains("//") || body.contains("/*")) {
            return false;
        }
        BlockStatement block = ClosureSyntax.parse(body);
        if (block == null) {
            return false;
        }
        Check check = new Check();
        block.visit(check);
        return check.viewOnly;
    }

    /** Groovy's property name for a getter's suffix: {@code Service} is {@code service}, {@code ERROR} stays. */
    private static String propertyName(String suffix) {
        if (suffix.length() > 1 && Character.isUpperCase(suffix.charAt(1))) {
            return suffix;
        }
        return Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1);
    }

    private static final class Check extends CodeVisitorSupport {
        private boolean viewOnly = true;

        @Override
        public void visitVariableExpression(VariableExpression expression) {
            viewOnly &= VIEW_PROPERTIES.contains(expression.getName());
        }

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            if (call.isImplicitThis()) {
                // A bare call is the view's or the rule file's: only the view's are known to be the same.
                viewOnly &= VIEW_METHODS.contains(call.getMethodAsString());
                call.getArguments().visit(this);
            } else {
                super.visitMethodCallExpression(call);
            }
        }

        @Override
        public void visitConstantExpression(ConstantExpression expression) {
            if (expression.getValue() instanceof String text && text.chars().anyMatch(Character::isWhitespace)) {
                viewOnly = false;
            }
        }

        @Override
        public void visitBinaryExpression(BinaryExpression expression) {
            viewOnly &= !Types.ofType(expression.getOperation().getType(), Types.ASSIGNMENT_OPERATOR);
            super.visitBinaryExpression(expression);
        }

        @Override
        public void visitDeclarationExpression(DeclarationExpression expression) {
            viewOnly = false;
        }

        @Override
        public void visitClosureExpression(ClosureExpression expression) {
            viewOnly = false;
        }

        @Override
        public void visitLambdaExpression(LambdaExpression expression) {
            viewOnly = false;
        }

        @Override
        public void visitConstructorCallExpression(ConstructorCallExpression call) {
            viewOnly = false;
        }

        @Override
        public void visitStaticMethodCallExpression(StaticMethodCallExpression call) {
            viewOnly = false;
        }

        @Override
        public void visitClassExpression(ClassExpression expression) {
            viewOnly = false;
        }

        @Override
        public void visitFieldExpression(FieldExpression expression) {
            viewOnly = false;
        }

        @Override
        public void visitAttributeExpression(AttributeExpression expression) {
            viewOnly = false;
        }

        @Override
        public void visitMethodPointerExpression(MethodPointerExpression expression) {
            viewOnly = false;
        }

        @Override
        public void visitMethodReferenceExpression(MethodReferenceExpression expression) {
            viewOnly = false;
        }

        @Override
        public void visitPrefixExpression(PrefixExpression expression) {
            viewOnly = false;
        }

        @Override
        public void visitPostfixExpression(PostfixExpression expression) {
            viewOnly = false;
        }
    }
}
