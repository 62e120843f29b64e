package dev.cota.synth.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The model generator's recipe ({@code configs/synth/model.yaml}), bound strictly. Defaults:
 * {@code format: auto}, {@code max-per-image: 3} (TACO's sampling), {@code seed: 0},
 * {@code max-replies: 10} (TACO's {@code --max-reply}), {@code prompt: full}, {@code threads: 2},
 * {@code tool-timeout-ms: 120000}, greedy sampling of at most 2000 tokens.
 *
 * @param source the image-QA dataset (any file cota reads), relative to the working directory
 * @param format its format, or {@code auto} to detect it
 * @param maxPerImage questions asked about one image at most (drawn by the seed)
 * @param seed fixes which questions are drawn and the sampling seed
 * @param maxReplies model replies per chain at most
 * @param prompt the system prompt: {@code full} (with TACO's demonstrations) or {@code simple}
 * @param sampling how replies are sampled
 * @param threads chains run at once
 * @param toolTimeoutMs how long one tool call may run
 */
public record ModelConfig(
        @JsonProperty("source") String source,
        @JsonProperty("format") String format,
        @JsonProperty("max-per-image") Integer maxPerImage,
        @JsonProperty("seed") Long seed,
        @JsonProperty("max-replies") Integer maxReplies,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("sampling") Sampling sampling,
        @JsonProperty("threads") Integer threads,
        @JsonProperty("tool-timeout-ms") Long toolTimeoutMs) {

    public ModelConfig {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source (the image-QA dataset) is required");
        }
        format = format == null ? "auto" : format;
        maxPerImage = maxPerImage == null ? 3 : maxPerImage;
        if (maxPerImage < 1) {
            throw new IllegalArgumentException("max-per-image must be >= 1, got " + maxPerImage);
        }
        seed = seed == null ? 0L : seed;
        maxReplies = maxReplies == null ? 10 : maxReplies;
        if (maxReplies < 1) {
            throw new IllegalArgumentException("max-replies must be >= 1, got " + maxReplies);
        }
        prompt = prompt == null ? "full" : prompt;
        if (!List.of("full", "simple").contains(prompt)) {
            throw new IllegalArgumentException("prompt must be full or simple, got '" + prompt + "'");
        }
        sampling = sampling == null ? new Sampling(null, null, null) : sampling;
        threads = threads == null ? 2 : threads;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        toolTimeoutMs = toolTimeoutMs == null ? 120_000L : toolTimeoutMs;
        if (toolTimeoutMs <= 0) {
            throw new IllegalArgumentException("tool-timeout-ms must be > 0, got " + toolTimeoutMs);
        }
    }

    /**
     * How replies are sampled. Defaults: {@code max-tokens: 2000}, {@code temperature: 0} (greedy),
     * {@code top-p: 1}.
     */
    public record Sampling(@JsonProperty("max-tokens") Integer maxTokens,
                           @JsonProperty("temperature") Double temperature,
                           @JsonProperty("top-p") Double topP) {

        public Sampling {
            maxTokens = maxTokens == null ? 2000 : maxTokens;
            if (maxTokens < 1) {
                throw new IllegalArgumentException("sampling.max-tokens must be >= 1, got " + maxTokens);
            }
            temperature = temperature == null ? 0.0 : temperature;
            if (!(temperature >= 0)) {
                throw new IllegalArgumentException("sampling.temperature must be >= 0, got " + temperature);
            }
            topP = topP == null ? 1.0 : topP;
            if (!(topP > 0 && topP <= 1)) {
                throw new IllegalArgumentException("sampling.top-p must be within (0, 1], got " + topP);
            }
        }
    }
}
