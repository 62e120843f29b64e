package dev.cota.serve;

import dev.cota.agent.backend.SamplingParams;
import dev.cota.model.lm.Generation;
import dev.cota.model.vlm.VlmPrompt;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One request waiting for, or in, a batch: its prompt, one sampling per choice (each a batch row),
 * where its tokens go as they are made, and its result.
 */
final class CompletionJob {

    /** Hears a choice's tokens on the generating thread; must not block. */
    @FunctionalInterface
    interface Sink {
        /** Does nothing (a non-streaming request waits for the result). */
        Sink NONE = (choice, token, finished) -> { };

        void onToken(int choice, int token, Generation finished);
    }

    private final VlmPrompt prompt;
    private final List<SamplingParams> choices;
    private final Sink sink;
    private final CompletableFuture<List<Generation>> result = new CompletableFuture<>();

    CompletionJob(VlmPrompt prompt, List<SamplingParams> choices, Sink sink) {
        this.prompt = prompt;
        this.choices = List.copyOf(choices);
        this.sink = sink;
    }

    VlmPrompt prompt() {
        return prompt;
    }

    List<SamplingParams> choices() {
        return choices;
    }

    /** Batch rows this job takes. */
    int rows() {
        return choices.size();
    }

    Sink sink() {
        return sink;
    }

    /** One generation per choice, in choice order; completed exceptionally when its batch failed. */
    CompletableFuture<List<Generation>> result() {
        return result;
    }
}
