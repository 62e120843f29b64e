package dev.cota.cli.dpo;

import picocli.CommandLine.Command;

/** {@code cota dpo}: preference-tuning workflows made of several runs. */
@Command(name = "dpo", mixinStandardHelpOptions = true,
        description = "Preference-tuning workflows: iterative DPO (sample, score, pair, train, evaluate; K rounds).",
        subcommands = {IterateCommand.class})
public final class DpoCommand {
}
