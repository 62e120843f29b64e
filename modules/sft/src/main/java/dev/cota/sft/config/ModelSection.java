package dev.cota.sft.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The model to fine-tune: a checkpoint in the Hugging Face layout, or a from-scratch model built
 * from a preset of {@code configs/models/}. Exactly one of {@code path} and {@code init}.
 *
 * @param path checkpoint directory ({@code config.json}, safetensors, usually {@code tokenizer.json})
 * @param init model preset YAML for a from-scratch model (its {@code vocab_size} is set from the tokenizer)
 * @param tokenizer directory with {@code tokenizer.json}; default: {@code path}
 * @param trainTokenizer for a from-scratch model without {@code tokenizer}: train a byte-level BPE
 *     tokenizer of this vocabulary size on the training traces (written into the run directory)
 * @param seed seed of a from-scratch model's weights (default 0)
 */
public record ModelSection(
        @JsonProperty("path") String path,
        @JsonProperty("init") String init,
        @JsonProperty("tokenizer") String tokenizer,
        @JsonProperty("train-tokenizer") Integer trainTokenizer,
        @JsonProperty("seed") Long seed) {

    public ModelSection {
        if ((path == null) == (init == null)) {
            throw new IllegalArgumentException("model needs exactly one of path (a checkpoint) and init (a preset)");
        }
        if (path != null && trainTokenizer != null) {
            throw new IllegalArgumentException("model.train-tokenizer is for from-scratch models (model.init)");
        }
        if (tokenizer != null && trainTokenizer != null) {
            throw new IllegalArgumentException("model.tokenizer and model.train-tokenizer exclude each other");
        }
        if (init != null && tokenizer == null && trainTokenizer == null) {
            throw new IllegalArgumentException("a from-scratch model needs model.tokenizer or model.train-tokenizer");
        }
        if (trainTokenizer != null && trainTokenizer < 300) {
            throw new IllegalArgumentException("model.train-tokenizer must be at least 300 (256 bytes + special tokens), got "
                    + trainTokenizer);
        }
        seed = seed == null ? 0L : seed;
    }
}
