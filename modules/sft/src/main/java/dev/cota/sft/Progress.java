package dev.cota.sft;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Training progress for a person: a progress bar (steps, loss, tokens/s, ETA) when stderr is a
 * terminal, else one plain line per logged step. Machine-readable metrics go to
 * {@code metrics.jsonl}, never here.
 */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;
    private final PrintStream err;
    private final int total;

    Progress(PrintStream err, int done, int total) {
        this.err = err;
        this.total = total;
        if (System.console() != null && err == System.err) {
            bar = new ProgressBarBuilder().setTaskName("sft").setInitialMax(total).startsFrom(done, Duration.ZERO)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUpdateIntervalMillis(250).build();
        } else {
            bar = null;
        }
    }

    void step(int step, StepResult r, double tokensPerSecond, boolean logged) {
        String extra = String.format("loss %.4f lr %.3g %.0f tok/s", r.loss(), r.lr(), tokensPerSecond);
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(extra);
        } else if (logged) {
            err.printf("step %d/%d %s%n", step, total, extra);
        }
    }

    void message(String line) {
        if (bar == null) {
            err.println(line);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
