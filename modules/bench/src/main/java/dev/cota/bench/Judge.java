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

    /**
     * The same request asked again: the {@code attempt}-th asking (0 is the first) of an identical
     * request, as official scripts do for repeated grading runs (MM-Vet's {@code num_run}) and for
     * retries after an unusable reply. An endpoint answers each asking anew; a cache keeps the
     * askings apart, so a re-scored run replays every one of them instead of collapsing them into one.
     */
    default String complete(String prompt, double temperature, int maxTokens, int attempt) throws IOException {
        return complete(prompt, temperature, maxTokens);
    }

    /**
     * One completion of a system message and a user message (MMVP's {@code gpt_grader.py} sends both).
     * Judges that cannot send a system message refuse; a null {@code system} is the user-only call.
     */
    default String complete(String system, String prompt, double temperature, int maxTokens, int attempt)
            throws IOException {
        if (system == null) {
            return complete(prompt, temperature, maxTokens, attempt);
        }
        throw new IOException("judge " + model() + " cannot send a system message");
    }

    /**
     * How many grading runs a scorer that grades repeatedly makes (MM-Vet's {@code --num_run}; its
     * script's default is 1, its paper used 5).
     */
    default int runs() {
        return 1;
    }
}
