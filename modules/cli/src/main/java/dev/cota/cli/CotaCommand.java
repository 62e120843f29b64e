package dev.cota.cli;

import dev.cota.cli.agent.AgentCommand;
import dev.cota.cli.agent.ServeToolsCommand;
import dev.cota.cli.bench.BenchCommand;
import dev.cota.cli.data.DataCommand;
import dev.cota.cli.dpo.DpoCommand;
import dev.cota.cli.model.ModelCommand;
import dev.cota.cli.serve.ServeCommand;
import dev.cota.cli.synth.SynthCommand;
import dev.cota.cli.tokenizer.TokenizerCommand;
import dev.cota.cli.quickstart.QuickstartCommand;
import dev.cota.cli.train.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code cota} command; its subcommands do the work. */
@Command(name = "cota", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train and evaluate multimodal action models: chains of thought and tool calls.",
        subcommands = {DataCommand.class, BenchCommand.class, TokenizerCommand.class, ModelCommand.class, AgentCommand.class,
            ServeToolsCommand.class, ServeCommand.class, TrainCommand.class, DpoCommand.class, SynthCommand.class,
            QuickstartCommand.class,
            CommandLine.HelpCommand.class})
public final class CotaCommand extends GlobalOptions implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line (tests use it to capture output). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CotaCommand());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand (see cota --help)");
    }
}
