package dev.cota.cli.quickstart;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cota.data.tokenizer.PreTokenizer;
import java.util.List;

/**
 * The quickstart recipe, as {@code configs/quickstart.yaml} writes it (paths relative to that file).
 *
 * @param synth program-generated questions: {@code configs/synth/} recipe and its overrides
 * @param tokenizer the byte-level BPE tokenizer both models share
 * @param sft the base fine-tuning recipe and the two runs' codecs
 * @param dpo the iterative-DPO round on the CoTA model (agent episodes with the real tools as samples)
 * @param eval the held-out evaluation and the bundled official suite samples
 * @param report bootstrap resamples and seed of the report's intervals
 * @param smoke {@code --set} overrides {@code --smoke} applies (a CI-sized run)
 */
public record QuickstartConfig(Synth synth, Tokenizer tokenizer, Pretrain pretrain, Sft sft, Dpo dpo, Eval eval,
                               Report report, List<String> smoke) {

    public QuickstartConfig {
        if (synth == null || tokenizer == null || sft == null || eval == null) {
            throw new IllegalArgumentException("synth, tokenizer, sft and eval are required");
        }
        dpo = dpo == null ? new Dpo(false, null, null) : dpo;
        pretrain = pretrain == null ? new Pretrain(false, null, 0, 0L, null) : pretrain;
        report = report == null ? new Report(1000, 0L) : report;
        smoke = smoke == null ? List.of() : List.copyOf(smoke);
    }

    /**
     * @param config the program generator's recipe ({@code configs/synth/program.yaml})
     * @param count questions to generate
     * @param seed the generator's seed
     * @param heldoutFraction fraction of questions held out for evaluation
     * @param threads tasks synthesized at once
     */
    public record Synth(String config, int count, long seed, @JsonProperty("heldout-fraction") double heldoutFraction,
                        int threads) {
        public Synth {
            if (config == null || count < 2 || threads < 1 || !(heldoutFraction > 0 && heldoutFraction < 1)) {
                throw new IllegalArgumentException("synth needs config, count >= 2, threads >= 1, heldout-fraction in (0, 1)");
            }
        }
    }

    /**
     * Copy pretraining: both fine-tuning runs start from a decoder trained to repeat what it reads.
     *
     * @param enabled whether the stage runs (else both runs start from the random preset)
     * @param config the SFT recipe of the stage ({@code configs/sft/quickstart-copy.yaml})
     * @param count copy traces in the corpus
     * @param seed the corpus's seed
     * @param set overrides of the recipe
     */
    public record Pretrain(boolean enabled, String config, int count, long seed, List<String> set) {
        public Pretrain {
            if (enabled && (config == null || count < 1)) {
                throw new IllegalArgumentException("pretrain needs config and count >= 1 when enabled");
            }
            set = set == null ? List.of() : List.copyOf(set);
        }
    }

    /**
     * @param vocabSize vocabulary size of the tokenizer trained on both variants' training traces
     * @param preTokenizer {@code byte-level} (GPT-2), {@code escapes}, {@code digits} or {@code numbers} ({@link PreTokenizer})
     */
    public record Tokenizer(@JsonProperty("vocab-size") int vocabSize,
                            @JsonProperty("pre-tokenizer") String preTokenizer) {
        public Tokenizer {
            if (vocabSize < 300) {
                throw new IllegalArgumentException("tokenizer.vocab-size must be >= 300, got " + vocabSize);
            }
            preTokenizer = preTokenizer == null ? PreTokenizer.BYTE_LEVEL.key() : preTokenizer;
            PreTokenizer.of(preTokenizer);
        }

        /** The pre-tokenizer by name. */
        public PreTokenizer split() {
            return PreTokenizer.of(preTokenizer);
        }
    }

    /**
     * @param config the base {@code cota train sft} recipe both runs use
     * @param set overrides applied to it in both runs ({@code --set} syntax)
     * @param directCodec the codec of the Direct run (answer only)
     * @param cotaCodec the codec of the CoTA run (TACO's JSON turns)
     */
    public record Sft(String config, List<String> set, @JsonProperty("direct-codec") String directCodec,
                      @JsonProperty("cota-codec") String cotaCodec) {
        public Sft {
            if (config == null) {
                throw new IllegalArgumentException("sft.config is required");
            }
            set = set == null ? List.of() : List.copyOf(set);
            directCodec = directCodec == null ? "direct" : directCodec;
            cotaCodec = cotaCodec == null ? "taco-json" : cotaCodec;
        }
    }

    /**
     * @param enabled run {@code cota dpo iterate} on the CoTA model and evaluate the result as {@code cota_dpo}
     * @param config the iterate recipe ({@code configs/dpo/quickstart-iterate.yaml}); the quickstart sets its
     *     model and prompt paths
     * @param set overrides applied to it ({@code --set} syntax)
     */
    public record Dpo(boolean enabled, String config, List<String> set) {
        public Dpo {
            if (enabled && config == null) {
                throw new IllegalArgumentException("dpo.config is required when dpo.enabled");
            }
            set = set == null ? List.of() : List.copyOf(set);
        }
    }

    /**
     * @param suite the held-out suite's config ({@code configs/suites/cota-traces.yaml})
     * @param limit evaluate the first N held-out questions only (null: all)
     * @param maxTokens tokens per model reply at most
     * @param device where the models run ({@code cpu}, {@code gpu}, {@code auto})
     * @param official bundled official suite samples to run both models on (names of {@code configs/suites/})
     * @param officialLimit items per official suite
     * @param batchSize questions asked together ({@code cota bench run --batch-size}); null for 8
     */
    public record Eval(String suite, Integer limit, @JsonProperty("max-tokens") int maxTokens, String device,
                       List<String> official, @JsonProperty("official-limit") int officialLimit,
                       @JsonProperty("batch-size") Integer batchSize) {
        public Eval {
            batchSize = batchSize == null ? 8 : batchSize;
            if (suite == null || maxTokens < 1 || officialLimit < 1 || batchSize < 1) {
                throw new IllegalArgumentException("eval needs suite, max-tokens >= 1, official-limit >= 1 and batch-size >= 1");
            }
            device = device == null ? "cpu" : device;
            official = official == null ? List.of() : List.copyOf(official);
        }
    }

    /** @param bootstrap bootstrap resamples of the intervals; @param seed their seed */
    public record Report(int bootstrap, long seed) {
    }
}
