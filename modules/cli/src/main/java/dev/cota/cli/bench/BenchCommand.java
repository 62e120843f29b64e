package dev.cota.cli.bench;

import picocli.CommandLine.Command;

/** {@code cota bench}: benchmarks with their official scorers. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: score predictions against the official files with the official algorithms.",
        subcommands = {RunCommand.class, ScoreCommand.class, ReportCommand.class, SuitesCommand.class})
public final class BenchCommand {
}
