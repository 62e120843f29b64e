package dev.cota.cli.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every training command takes: its config, the run directory, overrides and resume. */
public final class RunOptions {

    @Option(names = "--config", required = true, paramLabel = "YAML",
            description = "Run config, e.g. configs/sft/tiny.yaml (paths in it are relative to its directory).")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR",
            description = "Run directory: config.yaml, provenance.json, metrics.jsonl, checkpoints/, final/.")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value (repeatable, dotted keys; list items by index: data.train.0.path=...).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--resume", description = "Require a checkpoint in RUN_DIR to continue from "
            + "(without it, a run directory with checkpoints is continued anyway).")
    boolean resume;
}
