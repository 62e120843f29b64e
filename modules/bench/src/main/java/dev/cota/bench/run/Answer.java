package dev.cota.bench.run;

import dev.cota.core.trace.Trace;

/**
 * What a model gave for one item: its prediction, the agent's trace when a runner was used, and the
 * error when the model call failed (then the prediction is empty).
 *
 * @param prediction the answer text ({@code ""} when there is none)
 * @param trace the runner's recorded episode, or null for a direct answer or a failed call
 * @param error the one-line failure of the model call, or null
 */
public record Answer(String prediction, Trace trace, String error) {

    public Answer {
        prediction = prediction == null ? "" : prediction;
    }
}
