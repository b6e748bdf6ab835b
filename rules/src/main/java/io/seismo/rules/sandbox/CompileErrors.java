package io.seismo.rules.sandbox;

import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/** Reports a sandbox violation as a compile error at its place in the file, and lets compiling go on. */
final class CompileErrors {
    private CompileErrors() {
    }

    static void report(SourceUnit source, String message, ASTNode node) {
        int line = node == null ? 0 : Math.max(0, node.getLineNumber());
        int column = node == null ? 0 : Math.max(0, node.getColumnNumber());
        int lastLine = node == null ? line : Math.max(line, node.getLastLineNumber());
        int lastColumn = node == null ? column : Math.max(0, node.getLastColumnNumber());
        SyntaxException error = new SyntaxException(message, line, column, lastLine, lastColumn);
        error.setSourceLocator(source.getName());
        source.getErrorCollector().addErrorAndContinue(new SyntaxErrorMessage(error, source));
    }
}
