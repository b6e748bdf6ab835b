package io.seismo.rules.sandbox;

import java.util.List;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ConstructorNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.transform.stc.AbstractTypeCheckingExtension;
import org.codehaus.groovy.transform.stc.ExtensionMethodNode;
import org.codehaus.groovy.transform.stc.StaticTypeCheckingVisitor;

/**
 * The sandbox's real boundary. Rule files compile statically, so every call is resolved at compile time
 * and none is left to dynamic dispatch; this extension sees each resolved call and rejects any that
 * {@link SandboxPolicy} does not list. Groovy instantiates it by name from {@code @CompileStatic(extensions=…)}.
 */
public final class SandboxTypeChecker extends AbstractTypeCheckingExtension {

    public SandboxTypeChecker(StaticTypeCheckingVisitor visitor) {
        super(visitor);
    }

    @Override
    public void onMethodSelection(Expression call, MethodNode target) {
        if (isScriptPlumbing() || SandboxPolicy.allows(target)) {
            return;
        }
        addStaticTypeError("rules may not call " + describe(target), positioned(call));
    }

    /** The compiler-generated constructor and main method of the script class start the script; allow those. */
    private boolean isScriptPlumbing() {
        MethodNode enclosing = getEnclosingMethod();
        if (enclosing == null || !enclosing.getDeclaringClass().isScript()) {
            return false;
        }
        return enclosing instanceof ConstructorNode || "main".equals(enclosing.getName()) && enclosing.isStatic();
    }

    /** Property getters are selected on synthetic nodes without a position; report at the enclosing code. */
    private ASTNode positioned(Expression call) {
        if (call.getLineNumber() > 0) {
            return call;
        }
        List<Expression> calls = getEnclosingMethodCalls();
        for (Expression candidate : calls) {
            if (candidate.getLineNumber() > 0) {
                return candidate;
            }
        }
        for (Expression candidate : getEnclosingBinaryExpressionStack()) {
            if (candidate.getLineNumber() > 0) {
                return candidate;
            }
        }
        var closure = getEnclosingClosure();
        return closure != null ? closure.getClosureExpression() : call;
    }

    private static String describe(MethodNode target) {
        MethodNode method = target instanceof ExtensionMethodNode extension ? extension.getExtensionMethodNode() : target;
        StringBuilder text = new StringBuilder();
        Parameter[] parameters = method.getParameters();
        int first = 0;
        if (target instanceof ExtensionMethodNode) {
            text.append(parameters.length > 0 ? simpleName(parameters[0].getType()) : "?").append('.');
            first = 1;
        } else if (method instanceof ConstructorNode) {
            text.append("new ").append(method.getDeclaringClass().getName());
        } else {
            text.append(method.getDeclaringClass().getName()).append('.');
        }
        if (!(method instanceof ConstructorNode)) {
            text.append(method.getName());
        }
        text.append('(');
        for (int i = first; i < parameters.length; i++) {
            text.append(i > first ? ", " : "").append(simpleName(parameters[i].getType()));
        }
        return text.append(')').toString();
    }

    private static String simpleName(ClassNode type) {
        return type.getNameWithoutPackage();
    }
}
