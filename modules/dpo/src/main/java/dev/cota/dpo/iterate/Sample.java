package dev.cota.dpo.iterate;

import dev.cota.core.trace.Trace;
import dev.cota.data.pipeline.GaiaMatch;

/**
 * One sample drawn from the policy, with the answer read from it and its score.
 *
 * @param text the reply as generated (cut at the template's end of turn); for an episode, its last reply
 * @param prediction the extracted final answer; null when none was found
 * @param score 1 when the prediction matches the reference answer, else 0
 * @param episode the whole episode as a trace (system prompt, request, replies, observations), or
 *     null for a single reply (its trace is the prompt plus {@code text})
 */
public record Sample(String text, String prediction, double score, Trace episode) {

    /** A single reply. */
    public Sample(String text, String prediction, double score) {
        this(text, prediction, score, null);
    }

    /** 1 when {@code prediction} matches {@code answer} by GAIA's {@code question_scorer}, else 0. */
    static double score(String prediction, String answer) {
        // No extracted answer never matches (GAIA's scorer would read it as the string "None").
        return prediction != null && answer != null && GaiaMatch.questionScorer(prediction, answer) ? 1.0 : 0.0;
    }
}
