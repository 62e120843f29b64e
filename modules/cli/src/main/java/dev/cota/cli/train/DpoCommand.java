package dev.cota.cli.train;

import dev.cota.cli.JsonOutput;
import dev.cota.dpo.DpoRun;
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
 * {@code cota train dpo}: tunes a policy on preference pairs with a DPO-family loss (TRL's
 * definitions), the reference log-probs computed once and cached; re-running it on the same run
 * directory continues from the last checkpoint. Prints the run's summary as one JSON line.
 */
@Command(name = "dpo", mixinStandardHelpOptions = true,
        description = "Preference tuning (DPO, cDPO, robust, hinge, IPO, + NLL) on preference pairs; resumable.")
public final class DpoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "YAML",
            description = "Run config, e.g. configs/dpo/tiny.yaml (paths in it are relative to its directory).")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR",
            description = "Run directory: config.yaml, provenance.json, metrics.jsonl, checkpoints/, final/.")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value (repeatable, dotted keys), e.g. dpo.beta=0.05.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--resume", description = "Require a checkpoint in RUN_DIR to continue from "
            + "(without it, a run directory with checkpoints is continued anyway).")
    boolean resume;

    @Override
    public Integer call() throws IOException {
        var summary = new DpoRun(config, overrides, out, System.err).run(resume);
        JsonOutput.line(spec.commandLine().getOut(), summary);
        return 0;
    }
}
