package dev.cota.dpo.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.config.Configs;
import dev.cota.data.batch.BatchConfig;
import dev.cota.data.encode.EncodeConfig;
import dev.cota.data.encode.Truncation;
import dev.cota.dpo.data.PreferenceReader;
import dev.cota.sft.config.DataSection;
import dev.cota.sft.config.ConfigPaths;
import dev.cota.sft.config.DataSource;
import dev.cota.sft.config.LoraSection;
import dev.cota.sft.config.ModelSection;
import dev.cota.sft.config.TrainSection;
import java.nio.file.Path;
import java.util.List;

/**
 * A preference-tuning run's whole configuration, as {@code configs/dpo/*.yaml} writes it: the SFT
 * sections ({@code model}, {@code data}, {@code encode}, {@code batch}, {@code train}, {@code lora},
 * with the same keys and defaults) plus {@code reference} and {@code dpo}. A data source's
 * {@code format} is a preference shape ({@link PreferenceReader#FORMATS}). Pairs are never cut:
 * {@code encode.truncation} must be {@code drop} (a pair that does not fit is dropped and counted),
 * and each batch row holds one sequence ({@code batch.packing: false}). Relative paths are
 * relative to the config file's directory.
 */
public record DpoConfig(
        @JsonProperty("model") ModelSection model,
        @JsonProperty("reference") ReferenceSection reference,
        @JsonProperty("data") DataSection data,
        @JsonProperty("encode") EncodeConfig encode,
        @JsonProperty("batch") BatchConfig batch,
        @JsonProperty("train") TrainSection train,
        @JsonProperty("lora") LoraSection lora,
        @JsonProperty("dpo") DpoSection dpo) {

    public DpoConfig {
        if (model == null) {
            throw new IllegalArgumentException("model is required");
        }
        if (data == null) {
            throw new IllegalArgumentException("data is required");
        }
        encode = encode == null ? EncodeConfig.defaults() : encode;
        batch = batch == null ? BatchConfig.defaults() : batch;
        train = train == null ? TrainSection.defaults() : train;
        dpo = dpo == null ? DpoSection.defaults() : dpo;
        if (encode.truncation() != Truncation.DROP) {
            throw new IllegalArgumentException("encode.truncation must be drop for preference pairs (a cut pair compares"
                    + " two different completions); pairs that do not fit are dropped and counted");
        }
        if (batch.packing()) {
            throw new IllegalArgumentException("batch.packing is not supported by train dpo: each row is one completion");
        }
        if (!data.eval().isEmpty() || data.evalFraction() > 0) {
            throw new IllegalArgumentException("data.eval and data.eval-fraction are not supported by train dpo;"
                    + " the logged rewards/accuracies are on the training pairs");
        }
        for (DataSource s : data.train()) {
            if (!PreferenceReader.FORMATS.contains(s.format())) {
                throw new IllegalArgumentException("data.train: format '" + s.format() + "' is not a preference format ("
                        + String.join(", ", PreferenceReader.FORMATS) + ")");
            }
        }
        if (lora != null && train.freeze().contains("llm")) {
            throw new IllegalArgumentException("lora adapts the LLM: it cannot be combined with train.freeze: [llm]");
        }
    }

    /** The config file with its overrides applied, as a tree (what {@code config.yaml} of a run holds). */
    public static JsonNode resolvedTree(Path file, List<String> overrides) {
        return Configs.readTree(file, overrides);
    }

    /** Loads and checks a config; every path comes back absolute and checked to exist. */
    public static DpoConfig load(Path file, List<String> overrides) {
        return ConfigPaths.load(file, overrides, DpoConfig.class, DpoConfig::resolve);
    }

    private DpoConfig resolve(Path base) {
        ModelSection m = ConfigPaths.model(base, model);
        ReferenceSection r = reference == null ? null : new ReferenceSection(
                ConfigPaths.existing(base, reference.path(), "reference.path"), ConfigPaths.existing(base, reference.init(), "reference.init"),
                reference.seed());
        DataSection d = new DataSection(ConfigPaths.sources(base, data.train(), "data.train"), List.of(), 0.0);
        DpoSection p = dpo.referenceCache() == null ? dpo
                : dpo.withReferenceCache(base.resolve(dpo.referenceCache()).normalize().toString());
        return new DpoConfig(m, r, d, encode, batch, train(), lora, p);
    }
}
