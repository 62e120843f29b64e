package dev.cota.synth.program;

import dev.cota.synth.chain.ToolSession;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.function.Function;

/**
 * One generated question: the rendered image, the question as the user asks it, the ground-truth
 * answer the program knows from rendering, the CoTA chain that solves it with real tools (it
 * returns {@link ToolSession#terminate}'s answer), and the CoT thought that solves it without tools.
 */
record Problem(BufferedImage image, String question, String answer, Function<ToolSession, String> chain,
               String cotThought) {

    Problem {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(cotThought, "cotThought");
    }
}
