package dev.cota.cli.train;

import picocli.CommandLine.Command;

/** {@code cota train}: training jobs. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train models: supervised fine-tuning on traces, preference tuning on pairs.",
        subcommands = {SftCommand.class, DpoCommand.class})
public final class TrainCommand {
}
