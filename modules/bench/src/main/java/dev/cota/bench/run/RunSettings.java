package dev.cota.bench.run;

/**
 * The options of one {@code cota bench run} besides its suite: the model and how it is asked.
 *
 * @param model the model spec as given ({@code local:DIR}, {@code openai:MODEL@URL}, or a test's name)
 * @param maxTokens tokens per model reply at most (greedy decoding)
 * @param limit the first N items of the suite only; null for all
 * @param device where a local model runs, as resolved (informative; null for remote models)
 * @param batchSize items asked together: one batched call ({@code direct}) or episodes in lockstep
 *     ({@code cota}, {@code reason-summary}), so a local model decodes them in one batch; {@code react}
 *     asks one at a time
 */
public record RunSettings(String model, int maxTokens, Integer limit, String device, int batchSize) {

    /** The default {@code --max-tokens}: enough for a short answer or one agent step. */
    public static final int DEFAULT_MAX_TOKENS = 1024;

    public RunSettings {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a model spec is required");
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("max tokens must be > 0, not " + maxTokens);
        }
        if (limit != null && limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, not " + limit);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be > 0, not " + batchSize);
        }
    }

    /** Settings that ask one item at a time. */
    public RunSettings(String model, int maxTokens, Integer limit, String device) {
        this(model, maxTokens, limit, device, 1);
    }
}
