package dev.cota.sft.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a run stands after an optimizer step: what {@code trainer_state.json} of a checkpoint
 * holds, so a resumed run continues with the same batches, learning rate and random draws.
 * Random draws (dropout) are seeded from {@code (seed, step)}, so the seed and the step are the
 * whole random state.
 *
 * @param step optimizer steps done
 * @param totalSteps the run's planned steps (a resumed run must plan the same)
 * @param epoch epoch of the next micro-batch
 * @param batchIndex index within its epoch of the next micro-batch
 * @param numTokens input tokens (padding excluded) seen so far
 * @param seed the run's seed
 * @param dataHash hash of the encoded training data (a resumed run must see the same)
 * @param configHash hash of the resolved config
 */
public record TrainState(
        @JsonProperty("step") int step,
        @JsonProperty("total_steps") int totalSteps,
        @JsonProperty("epoch") int epoch,
        @JsonProperty("batch_index") int batchIndex,
        @JsonProperty("num_tokens") long numTokens,
        @JsonProperty("seed") long seed,
        @JsonProperty("data_hash") String dataHash,
        @JsonProperty("config_hash") String configHash) {
}
