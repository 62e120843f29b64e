package dev.cota.cli.train;

import dev.cota.cli.JsonOutput;
import dev.cota.sft.SftRun;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws IOException {
        var summary = new SftRun(run.config, run.overrides, run.out, System.err).run(run.resume);
        JsonOutput.line(spec.commandLine().getOut(), summary);
        return 0;
    }
}
