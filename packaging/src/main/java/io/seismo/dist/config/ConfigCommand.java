package io.seismo.dist.config;

import io.seismo.agent.config.AgentConfigException;
import io.seismo.agent.config.AgentConfigLoader;
import io.seismo.daemon.cli.ConfigCheckCommand;
import io.seismo.daemon.config.DaemonConfigCheck;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code seismo config check FILE…}: the launcher's side of the config check. It lives here because only the
 * launcher sees both the daemon and the agent; the checking itself is {@link ConfigCheckCommand}.
 */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Work with Seismo configuration files.")
public final class ConfigCommand {

    @Spec
    CommandSpec spec;

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check daemon (seismo.yaml) and agent (agent.yaml) configs the way the process would at start,"
                    + " rules and parsers included. Prints FILE: OK or each problem; exits 0 when all are good, 2 otherwise.")
    int check(@Parameters(arity = "1..*", paramLabel = "FILE", description = "Config files to check.") List<Path> files,
              @ArgGroup(exclusive = true) KindOption kind) {
        Map<String, String> environment = System.getenv();
        ConfigCheckCommand command = new ConfigCheckCommand(new DaemonConfigCheck(environment),
                file -> agentProblems(environment, file),
                spec.commandLine().getOut(), spec.commandLine().getErr());
        return command.check(files, kind == null ? Optional.empty() : Optional.of(kind.kind()));
    }

    private static List<String> agentProblems(Map<String, String> environment, Path file) {
        try {
            new AgentConfigLoader(environment).load(file);
            return List.of();
        } catch (AgentConfigException e) {
            return List.of(e.getMessage());
        }
    }

    /** {@code --daemon} or {@code --agent}, when the file's keys do not tell. */
    static final class KindOption {
        @Option(names = "--daemon", description = "Check as a daemon config (seismo.yaml).")
        boolean daemon;

        @Option(names = "--agent", description = "Check as an agent config (agent.yaml).")
        boolean agent;

        ConfigCheckCommand.Kind kind() {
            return agent ? ConfigCheckCommand.Kind.AGENT : ConfigCheckCommand.Kind.DAEMON;
        }
    }
}
