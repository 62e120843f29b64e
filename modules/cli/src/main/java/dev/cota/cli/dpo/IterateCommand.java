package dev.cota.cli.dpo;

import dev.cota.cli.JsonOutput;
import dev.cota.dpo.iterate.IterativeDpo;
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
 * {@code cota dpo iterate}: Insight-V's iterative DPO. Each round samples replies from the current
 * policy, scores them by answer match, builds pairs, trains one DPO stage (the previous policy as
 * reference) and evaluates on held-out prompts; rerunning skips finished rounds. Prints the run's
 * summary (every round's line) as one JSON line.
 */
@Command(name = "iterate", mixinStandardHelpOptions = true,
        description = "Iterative DPO: K rounds of sample -> score -> pair -> train -> evaluate; resumable by round.")
public final class IterateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "YAML",
            description = "Run config, e.g. configs/dpo/iterate-tiny.yaml (paths in it are relative to its directory).")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory: config.yaml, rounds.jsonl, round-<k>/ (samples, pairs, dpo/, heldout).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value (repeatable, dotted keys), e.g. iterate.rounds=5.")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        var summary = new IterativeDpo(config, overrides, out, System.err).run();
        JsonOutput.line(spec.commandLine().getOut(), summary);
        return 0;
    }
}
