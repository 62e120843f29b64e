package dev.cota.dpo.iterate;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cota.agent.tool.Tools;
import dev.cota.core.CotaException;
import java.util.List;

/**
 * How each round of {@code cota dpo iterate} samples, scores and pairs, with its defaults:
 * <ul>
 * <li>{@code rounds: 3}: DPO stages, each from the previous stage's policy.</li>
 * <li>{@code samples: 8}: replies sampled per prompt per round.</li>
 * <li>{@code temperature: 1.0}, {@code top-p: 1.0}: sampling (0 would make every sample the same).</li>
 * <li>{@code max-new-tokens: 512}: reply length cap when sampling; {@code eval-max-new-tokens}
 *     (default: the same) when answering held-out prompts greedily.</li>
 * <li>{@code batch-size: 16}: conversations decoded together in one generation call.</li>
 * <li>{@code pairs: best-worst}: {@code best-worst} or {@code correct-incorrect} ({@link PairMode}).</li>
 * <li>{@code max-pairs-per-prompt: 1}: for {@code correct-incorrect}.</li>
 * <li>{@code answer-pattern}: regex whose first group is the reply's final answer; default the whole
 *     reply ({@link AnswerExtractor}).</li>
 * <li>{@code seed: 42}: sampling seed of round 1; round k uses {@code seed + k - 1}.</li>
 * <li>{@code runner: reply}: how a sample is drawn ({@link RunnerKind}): one reply, or a whole CoTA
 *     episode with real tools ({@code cota}). The keys below are for {@code cota} only.</li>
 * <li>{@code max-replies: 10}: model replies at most per episode (TACO's {@code --max-reply}).</li>
 * <li>{@code tool-timeout-ms: 120000}: how long one tool call may run.</li>
 * <li>{@code system-prompt: full}: TACO's {@code full} prompt (actions, demonstrations) or {@code simple}
 *     (action names only, TACO's {@code --simple-prompt}); use what the policy was fine-tuned with.</li>
 * <li>{@code tools}: the actions offered, by name; default every built-in TACO action.</li>
 * </ul>
 * For {@code cota}, {@code max-new-tokens} caps each reply of an episode, not the episode.
 */
public record IterateSection(
        @JsonProperty("rounds") Integer rounds,
        @JsonProperty("samples") Integer samples,
        @JsonProperty("temperature") Double temperature,
        @JsonProperty("top-p") Double topP,
        @JsonProperty("max-new-tokens") Integer maxNewTokens,
        @JsonProperty("eval-max-new-tokens") Integer evalMaxNewTokens,
        @JsonProperty("batch-size") Integer batchSize,
        @JsonProperty("pairs") PairMode pairs,
        @JsonProperty("max-pairs-per-prompt") Integer maxPairsPerPrompt,
        @JsonProperty("answer-pattern") String answerPattern,
        @JsonProperty("seed") Long seed,
        @JsonProperty("runner") RunnerKind runner,
        @JsonProperty("max-replies") Integer maxReplies,
        @JsonProperty("tool-timeout-ms") Integer toolTimeoutMs,
        @JsonProperty("system-prompt") String systemPrompt,
        @JsonProperty("tools") List<String> tools) {

    /** The system prompts the CoTA runner can send. */
    public static final List<String> SYSTEM_PROMPTS = List.of("full", "simple");

    public IterateSection {
        rounds = rounds == null ? 3 : rounds;
        samples = samples == null ? 8 : samples;
        temperature = temperature == null ? 1.0 : temperature;
        topP = topP == null ? 1.0 : topP;
        maxNewTokens = maxNewTokens == null ? 512 : maxNewTokens;
        evalMaxNewTokens = evalMaxNewTokens == null ? maxNewTokens : evalMaxNewTokens;
        batchSize = batchSize == null ? 16 : batchSize;
        pairs = pairs == null ? PairMode.BEST_WORST : pairs;
        maxPairsPerPrompt = maxPairsPerPrompt == null ? 1 : maxPairsPerPrompt;
        seed = seed == null ? 42L : seed;
        runner = runner == null ? RunnerKind.REPLY : runner;
        maxReplies = maxReplies == null ? 10 : maxReplies;
        toolTimeoutMs = toolTimeoutMs == null ? 120_000 : toolTimeoutMs;
        systemPrompt = systemPrompt == null ? "full" : systemPrompt;
        tools = tools == null ? null : List.copyOf(tools);
        positive("max-replies", maxReplies);
        positive("tool-timeout-ms", toolTimeoutMs);
        if (!SYSTEM_PROMPTS.contains(systemPrompt)) {
            throw new IllegalArgumentException("unknown iterate.system-prompt '" + systemPrompt + "' (full, simple)");
        }
        if (tools != null) {
            for (String t : tools) {
                try {
                    Tools.get(t);
                } catch (CotaException e) {
                    throw new IllegalArgumentException("iterate.tools: " + e.getMessage());
                }
            }
        }
        positive("rounds", rounds);
        if (samples < 2) {
            throw new IllegalArgumentException("iterate.samples must be >= 2 (a pair needs two replies), got " + samples);
        }
        positive("max-new-tokens", maxNewTokens);
        positive("eval-max-new-tokens", evalMaxNewTokens);
        positive("batch-size", batchSize);
        positive("max-pairs-per-prompt", maxPairsPerPrompt);
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("iterate.temperature must be > 0 (greedy samples would all agree), got "
                    + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("iterate.top-p must be in (0, 1], got " + topP);
        }
        new AnswerExtractor(answerPattern);
    }

    private static void positive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("iterate." + key + " must be > 0, got " + value);
        }
    }

    /** All defaults. */
    public static IterateSection defaults() {
        return new IterateSection(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }
}
