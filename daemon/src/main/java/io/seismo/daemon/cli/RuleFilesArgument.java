package io.seismo.daemon.cli;

import io.seismo.daemon.ruletest.RuleFiles;
import io.seismo.rules.dsl.RuleLoadException;
import io.seismo.rules.dsl.RuleProblem;
import io.seismo.rules.dsl.RuleSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The rule files (or folders of them) a {@code seismo rules} subcommand works on, and their compilation. */
public final class RuleFilesArgument {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Rule files or folders.")
    List<Path> files;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The compiled rules, or null after printing each problem as {@code file:line:column: message}. */
    RuleSet compile() {
        try {
            return RuleFiles.compile(files);
        } catch (RuleLoadException e) {
            for (RuleProblem problem : e.problems()) {
                err().println(problem);
            }
            err().flush();
            return null;
        }
    }
}
