package dev.cota.cli.train;

import picocli.CommandLine.Command;

/** {@code cota train}: training jobs. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train models: supervised fine-tuning on traces.",
        subcommands = {SftCommand.class})
public final class TrainCommand {
}
