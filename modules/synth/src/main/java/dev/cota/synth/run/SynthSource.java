package dev.cota.synth.run;

/**
 * A generator as the framework runs it: a fixed, ordered list of tasks, each run independently (and
 * possibly on several threads at once) into a {@link TaskOutcome}. The same index must give the
 * same outcome, so a resumed run writes what an uninterrupted one would.
 */
public interface SynthSource {

    /** How many tasks the run has. */
    int size();

    /** Runs task {@code index}; a failure of the task itself (not of the run) is a dropped outcome. */
    TaskOutcome run(int index) throws Exception;
}
