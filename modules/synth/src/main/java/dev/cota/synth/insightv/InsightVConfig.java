package dev.cota.synth.insightv;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Set;

/**
 * The Insight-V generator's recipe ({@code configs/synth/insight-v.yaml}), bound strictly. Defaults
 * follow {@code data_generation/data_generation.py} (temperature 0.7, top-p 0.95, max 1024 tokens,
 * 3 tries per step) and {@code data_check.py} (judge temperature 0.2, top-p 0.7, 512 tokens); the
 * step bounds are the 2 its system prompt asks for and cota's cap of 15.
 *
 * @param source the image-QA dataset (any file cota reads), relative to the working directory
 * @param format its format, or {@code auto}
 * @param maxPerImage questions asked about one image set at most (drawn by the seed)
 * @param seed fixes the drawn questions; sample {@code k} of a question is sampled with seed {@code seed + k}
 * @param samples reasoning chains sampled per question
 * @param minSteps a {@code final_answer} before this many steps is answered with the continue prompt
 * @param maxSteps steps per chain at most; the final answer is asked for after it
 * @param retries tries per step before the chain fails as {@code invalid-json}
 * @param threads questions in flight at once
 * @param generation how steps and the final answer are sampled
 * @param judge how the answer-filter judge is sampled
 * @param scoring how the path scorer is sampled
 * @param bins score thresholds of the high and mid bins
 * @param reasoningBins bins of right chains that go to the reasoning-agent dataset
 * @param summaryBins bins of right chains that go to the summary-agent dataset
 * @param summaryWrong whether wrong chains go to the summary-agent dataset too (as Insight-V does)
 * @param prompts the prompt files, relative to the YAML file
 */
public record InsightVConfig(
        @JsonProperty("source") String source,
        @JsonProperty("format") String format,
        @JsonProperty("max-per-image") Integer maxPerImage,
        @JsonProperty("seed") Long seed,
        @JsonProperty("samples") Integer samples,
        @JsonProperty("min-steps") Integer minSteps,
        @JsonProperty("max-steps") Integer maxSteps,
        @JsonProperty("retries") Integer retries,
        @JsonProperty("threads") Integer threads,
        @JsonProperty("generation") Sampling generation,
        @JsonProperty("judge") Sampling judge,
        @JsonProperty("scoring") Sampling scoring,
        @JsonProperty("bins") Bins bins,
        @JsonProperty("reasoning-bins") List<String> reasoningBins,
        @JsonProperty("summary-bins") List<String> summaryBins,
        @JsonProperty("summary-wrong") Boolean summaryWrong,
        @JsonProperty("prompts") Prompts prompts) {

    /** The bins a right chain can fall in ({@code unscored}: the scorer's reply had no score). */
    public static final Set<String> BIN_NAMES = Set.of("high", "mid", "low", "unscored");

    public InsightVConfig {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source (the image-QA dataset) is required");
        }
        format = format == null ? "auto" : format;
        maxPerImage = positive("max-per-image", maxPerImage, 1000);
        seed = seed == null ? 0L : seed;
        samples = positive("samples", samples, 4);
        minSteps = positive("min-steps", minSteps, 2);
        maxSteps = positive("max-steps", maxSteps, 15);
        if (minSteps > maxSteps) {
            throw new IllegalArgumentException("min-steps (" + minSteps + ") must be <= max-steps (" + maxSteps + ")");
        }
        retries = positive("retries", retries, 3);
        threads = positive("threads", threads, 2);
        generation = Sampling.or(generation, "generation", 1024, 0.7, 0.95);
        judge = Sampling.or(judge, "judge", 512, 0.2, 0.7);
        scoring = Sampling.or(scoring, "scoring", 512, 0.0, 1.0);
        bins = bins == null ? new Bins(null, null) : bins;
        reasoningBins = binList("reasoning-bins", reasoningBins, List.of("high"));
        summaryBins = binList("summary-bins", summaryBins, List.of("high", "mid", "low"));
        summaryWrong = summaryWrong == null ? Boolean.TRUE : summaryWrong;
        prompts = prompts == null ? new Prompts(null, null, null, null, null, null, null) : prompts;
    }

    private static int positive(String key, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v < 1) {
            throw new IllegalArgumentException(key + " must be >= 1, got " + v);
        }
        return v;
    }

    private static List<String> binList(String key, List<String> value, List<String> fallback) {
        List<String> v = value == null ? fallback : List.copyOf(value);
        for (String b : v) {
            if (!BIN_NAMES.contains(b)) {
                throw new IllegalArgumentException(key + ": unknown bin '" + b + "'; bins: high, mid, low, unscored");
            }
        }
        return v;
    }

    /**
     * How one kind of request is sampled; a missing key takes the default of the request kind.
     *
     * @param maxTokens tokens per reply at most
     * @param temperature 0 is greedy
     * @param topP nucleus mass in (0, 1]
     */
    public record Sampling(@JsonProperty("max-tokens") Integer maxTokens,
                           @JsonProperty("temperature") Double temperature,
                           @JsonProperty("top-p") Double topP) {

        static Sampling or(Sampling s, String key, int maxTokens, double temperature, double topP) {
            Sampling v = new Sampling(s == null || s.maxTokens == null ? maxTokens : s.maxTokens,
                    s == null || s.temperature == null ? temperature : s.temperature,
                    s == null || s.topP == null ? topP : s.topP);
            if (v.maxTokens < 1) {
                throw new IllegalArgumentException(key + ".max-tokens must be >= 1, got " + v.maxTokens);
            }
            if (!(v.temperature >= 0) || v.temperature.isInfinite()) {
                throw new IllegalArgumentException(key + ".temperature must be >= 0, got " + v.temperature);
            }
            if (!(v.topP > 0 && v.topP <= 1)) {
                throw new IllegalArgumentException(key + ".top-p must be within (0, 1], got " + v.topP);
            }
            return v;
        }
    }

    /**
     * Score thresholds on the scorer's 1-100 scale: {@code score >= high} is {@code high},
     * {@code score >= mid} is {@code mid}, lower is {@code low}. Insight-V releases no scoring script
     * and no thresholds; the defaults 80 and 50 are cota's.
     */
    public record Bins(@JsonProperty("high") Integer high, @JsonProperty("mid") Integer mid) {

        public Bins {
            high = high == null ? 80 : high;
            mid = mid == null ? 50 : mid;
            if (!(1 <= mid && mid <= high && high <= 100)) {
                throw new IllegalArgumentException("bins must satisfy 1 <= mid <= high <= 100, got mid " + mid
                        + ", high " + high);
            }
        }

        /** The bin of a score in 1..100. */
        public String bin(int score) {
            return score >= high ? "high" : score >= mid ? "mid" : "low";
        }
    }

    /**
     * The prompt files, relative to the YAML file; lines starting with {@code #} at the top of a file
     * are comments (the source each prompt comes from).
     */
    public record Prompts(@JsonProperty("system") String system,
                          @JsonProperty("opening") String opening,
                          @JsonProperty("retry") String retry,
                          @JsonProperty("continue") String proceed,
                          @JsonProperty("final") String finalAnswer,
                          @JsonProperty("judge") String judge,
                          @JsonProperty("score") String score) {

        public Prompts {
            system = system == null ? "insight-v/system.txt" : system;
            opening = opening == null ? "insight-v/opening.txt" : opening;
            retry = retry == null ? "insight-v/retry.txt" : retry;
            proceed = proceed == null ? "insight-v/continue.txt" : proceed;
            finalAnswer = finalAnswer == null ? "insight-v/final.txt" : finalAnswer;
            judge = judge == null ? "insight-v/judge.txt" : judge;
            score = score == null ? "insight-v/score.txt" : score;
        }
    }
}
