package io.seismo.rules.dsl;

import java.util.List;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.builder.AstStringCompiler;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.control.CompilePhase;

/** A closure's kept source text parsed back into Groovy's syntax tree, as the compiler's first phase sees it. */
final class ClosureSyntax {
    private ClosureSyntax() {
    }

    /** The body's statements; null when the text does not parse (truncated text, say). */
    static BlockStatement parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            List<ASTNode> nodes = new AstStringCompiler().compile(body, CompilePhase.CONVERSION, true);
            return nodes.size() == 1 && nodes.get(0) instanceof BlockStatement block ? block : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
