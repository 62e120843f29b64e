package dev.cota.cli.train;

import dev.cota.cli.JsonOutput;
import dev.cota.sft.SftRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cota train sft}: fine-tunes a model on traces with loss on the assistant turns only;
 * re-running it on the same run directory continues from the last checkpoint. Prints the run's
 * summary as one JSON line.
 */
@Command(name = "sft", mixinStandardHelpOptions = true,
        description = "Supervised fine-tuning on traces (loss on assistant turns only); resumable.")
public final class SftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "YAML",
            description = "Run config, e.g. configs/sft/tiny.yaml (paths in it are relative to its directory).")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR",
            description = "Run directory: config.yaml, provenance.json, metrics.jsonl, checkpoints/, final/.")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value (repeatable, dotted keys), e.g. train.lr=2e-5.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--resume", description = "Require a checkpoint in RUN_DIR to continue from "
            + "(without it, a run directory with checkpoints is continued anyway).")
    boolean resume;

    @Override
    public Integer call() throws IOException {
        var summary = new SftRun(config, overrides, out, System.err).run(resume);
        JsonOutput.line(spec.commandLine().getOut(), summary);
        return 0;
    }
}
