package dev.cota.cli.train;

import dev.cota.cli.JsonOutput;
import dev.cota.dpo.DpoRun;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws IOException {
        var summary = new DpoRun(run.config, run.overrides, run.out, System.err).run(run.resume);
        JsonOutput.line(spec.commandLine().getOut(), summary);
        return 0;
    }
}
