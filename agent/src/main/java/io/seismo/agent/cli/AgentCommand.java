package io.seismo.agent.cli;

import io.seismo.agent.Agent;
import io.seismo.agent.config.AgentConfig;
import io.seismo.agent.config.AgentConfigException;
import io.seismo.agent.config.AgentConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code seismo agent --config agent.yaml}: tails and ships until SIGTERM or Ctrl-C, then stops cleanly
 * (acknowledged offsets saved). Also usable on its own: {@code new CommandLine(new AgentCommand()).execute(args)}.
 * Interrupting the thread that runs it stops it the same way.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run the Seismo agent: tail log files and ship their lines to the daemon.")
public final class AgentCommand implements Callable<Integer> {
    /** Exit code for a configuration the agent refuses to start with. */
    public static final int EXIT_BAD_CONFIG = 2;
    /** Exit code when the agent cannot start for another reason (state folder in use, not writable). */
    public static final int EXIT_CANNOT_START = 1;

    private static final Logger LOG = LoggerFactory.getLogger(AgentCommand.class);

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Path of agent.yaml (default: ${DEFAULT-VALUE}).",
            defaultValue = "/etc/seismo/agent.yaml")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AgentConfig loaded;
        try {
            loaded = new AgentConfigLoader(System.getenv()).load(config);
        } catch (AgentConfigException e) {
            spec.commandLine().getErr().println("seismo agent: bad configuration in " + config + ": " + e.getMessage());
            return EXIT_BAD_CONFIG;
        }
        Agent agent;
        try {
            agent = Agent.start(loaded);
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("seismo agent: " + e.getMessage());
            return EXIT_CANNOT_START;
        }
        LOG.info("{}", Agent.describe(loaded));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "seismo-agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            agent.close();
            Thread.currentThread().interrupt();
        }
        LOG.info("agent {} stopped", loaded.agentId());
        return 0;
    }
}
