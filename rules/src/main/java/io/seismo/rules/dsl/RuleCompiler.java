package io.seismo.rules.dsl;

import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import io.seismo.rules.sandbox.Sandbox;
import java.util.List;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SimpleMessage;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Compiles rule files, each once, as scripts on {@link RuleScript} inside the sandbox. One compiler per
 * rule set: its class loader owns the compiled classes for as long as the rules run.
 */
final class RuleCompiler {
    private static final String CODE_BASE = "/groovy/seismo/rules";
    private static final String TYPE_CHECK_PREFIX = "[Static type checking] - ";

    private final GroovyClassLoader loader;

    RuleCompiler() {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(RuleScript.class.getName());
        config.setSourceEncoding("UTF-8");
        loader = Sandbox.classLoader(RuleCompiler.class.getClassLoader(), config, new ConditionSourceCustomizer(), new LevelComparisonCustomizer());
    }

    /** The script class, or null after adding what is wrong with the file to {@code problems}. */
    Class<?> compile(RuleSource source, List<RuleProblem> problems) {
        try {
            return loader.parseClass(new GroovyCodeSource(source.text(), scriptClassFile(source.fileName()), CODE_BASE), false);
        } catch (MultipleCompilationErrorsException e) {
            // A construct can trip two checks at one place; say it once.
            e.getErrorCollector().getErrors().stream()
                    .map(message -> toProblem(source.fileName(), message))
                    .distinct()
                    .forEach(problems::add);
        } catch (CompilationFailedException | LinkageError e) {
            problems.add(new RuleProblem(source.fileName(), 0, 0, String.valueOf(e.getMessage())));
        }
        return null;
    }

    /**
     * Groovy names a script's class after its file, and that class name would shadow a DSL property of the
     * same name inside the rule ({@code errors.groovy} hides {@code errors}); so the class gets a name no rule
     * can mean. Problems still name the user's file.
     */
    static String scriptClassFile(String fileName) {
        String base = fileName.replaceFirst("\\.groovy$", "").replaceAll("[^A-Za-z0-9_]", "_");
        return "SeismoRuleFile_" + base + ".groovy";
    }

    private static RuleProblem toProblem(String file, Message message) {
        if (message instanceof SyntaxErrorMessage syntax) {
            SyntaxException cause = syntax.getCause();
            return new RuleProblem(file, Math.max(0, cause.getLine()), Math.max(0, cause.getStartColumn()),
                    clean(cause.getOriginalMessage()));
        }
        if (message instanceof ExceptionMessage exception) {
            return new RuleProblem(file, 0, 0, clean(String.valueOf(exception.getCause().getMessage())));
        }
        if (message instanceof SimpleMessage simple) {
            return new RuleProblem(file, 0, 0, clean(simple.getMessage()));
        }
        return new RuleProblem(file, 0, 0, clean(message.toString()));
    }

    private static String clean(String text) {
        String trimmed = text.strip();
        return trimmed.startsWith(TYPE_CHECK_PREFIX) ? trimmed.substring(TYPE_CHECK_PREFIX.length()) : trimmed;
    }
}
