package dev.cota.synth.program;

import java.util.List;
import java.util.Random;

/** A question template: renders an image with known ground truth and writes a question about it. */
interface Template {

    /** The template's name in configs and the manifest, e.g. {@code bar-sum}. */
    String name();

    /** The tools its CoTA chains call (Terminate included), for the system prompt. */
    List<String> tools();

    /** A new problem drawn from {@code rng}; the same draws give the same problem. */
    Problem make(Random rng);
}
