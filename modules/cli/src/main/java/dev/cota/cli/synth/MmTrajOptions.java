package dev.cota.cli.synth;

import picocli.CommandLine.Option;

/** The options of {@code cota synth} that only {@code --generator mm-traj} reads. */
public final class MmTrajOptions {

    @Option(names = "--verifier-model", paramLabel = "SPEC",
            description = "mm-traj: the query-file and trajectory verifiers' backend. Default: the --model backend.")
    String verifierModel;

    @Option(names = "--solver-model", paramLabel = "SPEC",
            description = "mm-traj: the ReAct agent's backend. Default: the --model backend.")
    String solverModel;
}
