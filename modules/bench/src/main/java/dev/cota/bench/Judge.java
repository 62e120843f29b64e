package dev.cota.bench;

import java.io.IOException;

/**
 * An LLM judge: the grader, answer extractor or choice matcher that a suite's official evaluation
 * asks (MM-Vet's GPT-4 grader, MathVista's answer extractor, MMBench's and MMVP's choice graders,
 * GTA's list-answer similarity). A scorer that needs one receives it through
 * {@link Scorer#score(BenchItem, String, Judge)}; without one it marks the item {@code unjudged}
 * and never switches silently to another rule.
 */
public interface Judge {

    /** The judge model's name as recorded in results and caches (e.g. {@code gpt-4-0613}). */
    String model();

    /**
     * One completion of a single user message, with the sampling the official script uses.
     *
     * @param prompt the whole user message
     * @param temperature the official temperature (0 for greedy)
     * @param maxTokens the official {@code max_tokens}
     * @return the reply's text
     * @throws IOException when the endpoint cannot be reached or answers with an error
     */
    String complete(String prompt, double temperature, int maxTokens) throws IOException;
}
