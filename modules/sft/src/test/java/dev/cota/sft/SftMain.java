package dev.cota.sft;

import java.nio.file.Path;
import java.util.List;

/** A fine-tuning run in its own JVM, for the crash test: {@code SftMain CONFIG OUT}. */
public final class SftMain {

    private SftMain() {
    }

    public static void main(String[] args) throws Exception {
        new SftRun(Path.of(args[0]), List.of(), Path.of(args[1]), System.err).run(false);
    }
}
