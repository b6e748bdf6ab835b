package io.seismo.rules.sandbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.GroovyCodeVisitor;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.BitwiseNegationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.FieldExpression;
import org.codehaus.groovy.ast.expr.LambdaExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.MethodReferenceExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.RangeExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.stmt.DoWhileStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.ast.stmt.SynchronizedStatement;
import org.codehaus.groovy.ast.stmt.WhileStatement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.SecureASTCustomizer;
import org.codehaus.groovy.syntax.Types;

/**
 * The first, syntactic fence: no imports or receivers from the file system, processes, threads,
 * reflection or the network; no loops, ranges or regular expressions (a rule runs on the correlator thread
 * for every event, so it must finish quickly); no method pointers or field access that slip past type
 * checks. {@link SecureASTCustomizer} alone is not a boundary (see {@link SandboxTypeChecker}), and it
 * stops at the first violation without a position, so this subclass reports each one with its line.
 */
final class RestrictedSyntax extends SecureASTCustomizer {

    private static final List<String> FORBIDDEN_CLASSES = List.of(
            "java.lang.System", "java.lang.Runtime", "java.lang.Thread", "java.lang.ThreadGroup",
            "java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle", "java.lang.Class",
            "java.lang.ClassLoader", "java.lang.Module", "java.lang.ModuleLayer", "java.lang.StackWalker",
            "groovy.lang.GroovyShell", "groovy.lang.GroovyClassLoader", "groovy.lang.GroovySystem",
            "groovy.lang.MetaClass", "groovy.lang.ExpandoMetaClass", "groovy.util.Eval");

    private static final List<String> FORBIDDEN_PACKAGES = List.of(
            "java.io.*", "java.nio.*", "java.nio.file.*", "java.nio.file.attribute.*", "java.nio.file.spi.*",
            "java.nio.channels.*", "java.lang.reflect.*", "java.lang.invoke.*", "java.net.*", "java.net.http.*",
            "java.util.concurrent.*", "java.util.concurrent.atomic.*", "java.util.concurrent.locks.*",
            "java.sql.*", "javax.script.*", "javax.naming.*", "java.rmi.*", "sun.misc.*", "jdk.internal.misc.*",
            "groovy.io.*", "groovy.grape.*", "groovy.sql.*", "org.codehaus.groovy.runtime.*");

    private final Set<Integer> reportedLines = new HashSet<>();
    private SourceUnit current;
    // Indirect import checks run inside expression checks; there the expression wrapper reports with the
    // expression's position, so the import hook must let the violation through.
    private boolean inExpression;

    RestrictedSyntax() {
        setIndirectImportCheckEnabled(true);
        setDisallowedImports(FORBIDDEN_CLASSES);
        setDisallowedStarImports(FORBIDDEN_PACKAGES);
        setDisallowedStaticStarImports(FORBIDDEN_CLASSES.stream().map(c -> c + ".*").toList());
        setDisallowedReceivers(FORBIDDEN_CLASSES);
        setDisallowedStatements(List.of(WhileStatement.class, DoWhileStatement.class, ForStatement.class,
                SynchronizedStatement.class));
        setDisallowedExpressions(List.of(MethodPointerExpression.class, MethodReferenceExpression.class,
                AttributeExpression.class, FieldExpression.class, RangeExpression.class,
                BitwiseNegationExpression.class, LambdaExpression.class));
        setDisallowedTokens(List.of(Types.FIND_REGEX, Types.MATCH_REGEX));
        addExpressionCheckers(expression -> !(expression instanceof PropertyExpression property)
                || !isMetaProperty(property.getPropertyAsString()));
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        current = source;
        reportedLines.clear();
        try {
            super.call(source, context, classNode);
        } catch (SecurityException e) {
            // Only import checks throw from here; expression and statement checks report in place.
            report(e, importOf(source, e.getMessage()));
        } finally {
            current = null;
        }
    }

    @Override
    protected GroovyCodeVisitor createGroovyCodeVisitor() {
        return new ReportingVisitor();
    }

    @Override
    protected void assertImportIsAllowed(String className) {
        if (inExpression) {
            super.assertImportIsAllowed(className);
            return;
        }
        try {
            super.assertImportIsAllowed(className);
        } catch (SecurityException e) {
            report(e, importOf(current, className));
        }
    }

    @Override
    protected void assertStarImportIsAllowed(String packageName) {
        try {
            super.assertStarImportIsAllowed(packageName);
        } catch (SecurityException e) {
            report(e, importOf(current, packageName));
        }
    }

    private static boolean isMetaProperty(String name) {
        return "metaClass".equals(name) || "class".equals(name) || "declaringClass".equals(name);
    }

    /** The import naming {@code text}, for the error's position; null (line 0) when none matches. */
    private static ASTNode importOf(SourceUnit source, String text) {
        if (source == null || text == null) {
            return null;
        }
        for (var anImport : source.getAST().getImports()) {
            if (text.contains(anImport.getClassName())) {
                return anImport;
            }
        }
        for (var anImport : source.getAST().getStarImports()) {
            if (text.contains(anImport.getPackageName().replaceAll("\\.$", ""))) {
                return anImport;
            }
        }
        return null;
    }

    /** Reports each violation where it is, once per line: one bad call would otherwise say so twice. */
    private void report(SecurityException violation, ASTNode node) {
        int line = node == null ? 0 : node.getLineNumber();
        if (reportedLines.add(line)) {
            CompileErrors.report(current, describe(violation, node), node);
        }
    }

    private static String describe(SecurityException violation, ASTNode node) {
        String text = violation.getMessage();
        if (text != null && text.startsWith("Indirect import checks") && node instanceof Expression expression) {
            return "rules may not use " + typeNamedBy(expression);
        }
        return text == null || text.isBlank() ? "not allowed in rule files" : text;
    }

    /** The class a forbidden expression reaches for: a call's receiver rather than its result. */
    private static String typeNamedBy(Expression expression) {
        if (expression instanceof MethodCallExpression call) {
            return call.getObjectExpression().getType().getName() + "." + call.getMethodAsString();
        }
        if (expression instanceof StaticMethodCallExpression call) {
            return call.getOwnerType().getName() + "." + call.getMethod();
        }
        if (expression instanceof PropertyExpression property) {
            return property.getObjectExpression().getType().getName() + "." + property.getPropertyAsString();
        }
        return expression.getType().getName();
    }

    /**
     * Reports instead of throwing. Receiver and token checks throw from the visit methods themselves rather
     * than from {@code assertExpressionAuthorized}, so those visits are wrapped too.
     */
    private final class ReportingVisitor extends SecuringCodeVisitor {

        @Override
        protected void assertExpressionAuthorized(Expression expression) {
            inExpression = true;
            try {
                super.assertExpressionAuthorized(expression);
            } catch (SecurityException e) {
                report(e, expression);
            } finally {
                inExpression = false;
            }
        }

        @Override
        protected void assertStatementAuthorized(Statement statement) {
            try {
                super.assertStatementAuthorized(statement);
            } catch (SecurityException e) {
                report(e, statement);
            }
        }

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            try {
                super.visitMethodCallExpression(call);
            } catch (SecurityException e) {
                report(e, call);
            }
        }

        @Override
        public void visitStaticMethodCallExpression(StaticMethodCallExpression call) {
            try {
                super.visitStaticMethodCallExpression(call);
            } catch (SecurityException e) {
                report(e, call);
            }
        }

        @Override
        public void visitBinaryExpression(BinaryExpression expression) {
            try {
                super.visitBinaryExpression(expression);
            } catch (SecurityException e) {
                report(e, expression);
            }
        }

        @Override
        public void visitPropertyExpression(PropertyExpression expression) {
            try {
                super.visitPropertyExpression(expression);
            } catch (SecurityException e) {
                report(e, expression);
            }
        }
    }
}
