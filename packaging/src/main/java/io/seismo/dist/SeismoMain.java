package io.seismo.dist;

import io.seismo.agent.cli.AgentCommand;
import io.seismo.daemon.cli.DaemonCommand;
import io.seismo.daemon.cli.RulesCommand;
import io.seismo.daemon.cli.SilenceCommand;
import io.seismo.daemon.cli.StatusCommand;
import io.seismo.dist.config.ConfigCommand;
import io.seismo.dist.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code seismo} launcher: one entry point, one subcommand per job. */
@Command(name = "seismo", mixinStandardHelpOptions = true, version = "seismo 0.1.0",
        description = "Log and metrics correlation alerting.",
        subcommands = {DaemonCommand.class, AgentCommand.class, DemoCommand.class, ConfigCommand.class, StatusCommand.class,
                RulesCommand.class, SilenceCommand.class})
public final class SeismoMain implements Runnable {

    public static void main(String[] args) {
        // No command here is written in Groovy; without this, picocli loads the Groovy runtime into every process
        // (the agent included) to look for closures in annotations: 20 MB of metaspace for nothing.
        System.setProperty("picocli.disable.closures", "true");
        System.exit(new CommandLine(new SeismoMain()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
