package dev.cota.cli.bench;

import picocli.CommandLine.Command;

/** {@code cota bench}: benchmarks with their official scorers. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: score predictions against the official files with the official algorithms.",
        subcommands = {ScoreCommand.class, SuitesCommand.class, ReportCommand.class})
public final class BenchCommand {
}
