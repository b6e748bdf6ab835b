package io.seismo.rules.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs compiled rule scripts and gathers what they define. A rule whose body fails becomes a problem at
 * the line of the rule file that failed, and the script goes on to its next rule, so one load reports
 * every problem at once.
 */
final class RuleCollector {

    /** Builds a rule from its spec once the body has run; may throw with a message for the user. */
    interface Builder {
        RuleDefinition build(String file, int line);
    }

    private final Map<String, RuleDefinition> rulesByName = new LinkedHashMap<>();
    private final Map<String, LatePolicy> latePolicies = new LinkedHashMap<>();
    /** The spec whose body runs in the current {@link #define}; what it says beyond the definition is read from it. */
    private RuleSpec currentSpec;
    private final List<RuleProblem> problems = new ArrayList<>();
    private String currentFile;
    private String currentScriptFile;

    void run(String fileName, Class<?> scriptClass) {
        currentFile = fileName;
        // Stack frames of rule code carry the compiled script's file name, not the user's.
        currentScriptFile = RuleCompiler.scriptClassFile(fileName);
        try {
            RuleScript script = (RuleScript) scriptClass.getDeclaredConstructor().newInstance();
            script.collectInto(this);
            script.run();
        } catch (ReflectiveOperationException | ClassCastException e) {
            problems.add(new RuleProblem(fileName, 0, 0, "cannot run rule file: " + e));
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(new RuleProblem(fileName, lineIn(e, 0), 0, describe(e)));
        } finally {
            currentFile = null;
        }
    }

    /** The DSL says which spec the current rule's body fills. */
    void bodyOf(RuleSpec spec) {
        currentSpec = spec;
    }

    /** The late policy of each rule that set one or took the default. */
    Map<String, LatePolicy> latePolicies() {
        return latePolicies;
    }

    /** Called by the DSL for each rule: names must be unique across all files of the set. */
    void define(String name, Builder builder) {
        int line = callerLine();
        if (name == null || name.isBlank()) {
            problems.add(new RuleProblem(currentFile, line, 0, "a rule needs a name, e.g. threshold('checkout-errors') { … }"));
            return;
        }
        RuleDefinition earlier = rulesByName.get(name);
        if (earlier != null) {
            problems.add(new RuleProblem(currentFile, line, 0, "rule '" + name + "' is already defined at "
                    + earlier.file() + ":" + earlier.line()));
            return;
        }
        try {
            currentSpec = null;
            rulesByName.put(name, builder.build(currentFile, line));
            if (currentSpec != null) {
                latePolicies.put(name, currentSpec.chosenLatePolicy());
            }
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(new RuleProblem(currentFile, lineIn(e, line), 0, "rule '" + name + "': " + describe(e)));
        }
    }

    List<RuleDefinition> rules() {
        return List.copyOf(rulesByName.values());
    }

    List<RuleProblem> problems() {
        return List.copyOf(problems);
    }

    /** The line of the rule file that is calling into the DSL right now. */
    private int callerLine() {
        Optional<Integer> line = StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> currentScriptFile.equals(frame.getFileName()))
                .map(StackWalker.StackFrame::getLineNumber)
                .findFirst());
        return line.orElse(0);
    }

    private int lineIn(Throwable error, int fallback) {
        for (StackTraceElement frame : error.getStackTrace()) {
            if (currentScriptFile.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                return frame.getLineNumber();
            }
        }
        return fallback;
    }

    private static String describe(Throwable error) {
        if (error instanceof IllegalArgumentException && error.getMessage() != null) {
            return error.getMessage();
        }
        if (error instanceof StackOverflowError) {
            return "the rule file recursed too deeply";
        }
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }
}
