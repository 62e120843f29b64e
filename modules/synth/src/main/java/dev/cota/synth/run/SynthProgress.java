package dev.cota.synth.run;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Generation progress for a person: a progress bar (tasks, kept, dropped, ETA) when stderr is a
 * terminal, else a plain line every tenth of the run. Counts for machines go to the manifest.
 */
final class SynthProgress implements AutoCloseable {

    private final ProgressBar bar;
    private final PrintStream err;
    private final int total;
    private int lastLine;

    SynthProgress(PrintStream err, String name, int done, int total) {
        this.err = err;
        this.total = total;
        this.lastLine = done;
        if (err != null && System.console() != null && err == System.err) {
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total).startsFrom(done, Duration.ZERO)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUpdateIntervalMillis(250).build();
        } else {
            bar = null;
        }
    }

    void step(int done, long kept, long dropped) {
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage("kept " + kept + " dropped " + dropped);
        } else if (err != null && (done == total || done - lastLine >= Math.max(1, total / 10))) {
            lastLine = done;
            err.printf("synth: %d/%d tasks, kept %d, dropped %d%n", done, total, kept, dropped);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
