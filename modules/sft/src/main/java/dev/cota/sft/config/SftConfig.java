package dev.cota.sft.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.config.Configs;
import dev.cota.data.batch.BatchConfig;
import dev.cota.data.encode.EncodeConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * A fine-tuning run's whole configuration, as {@code configs/sft/*.yaml} writes it: {@code model},
 * {@code data}, {@code encode} (codec, template, max length: {@link EncodeConfig}), {@code batch}
 * (micro-batch rows, packing: {@link BatchConfig}), {@code train} and optional {@code lora}.
 * Relative paths are relative to the config file's directory.
 */
public record SftConfig(
        @JsonProperty("model") ModelSection model,
        @JsonProperty("data") DataSection data,
        @JsonProperty("encode") EncodeConfig encode,
        @JsonProperty("batch") BatchConfig batch,
        @JsonProperty("train") TrainSection train,
        @JsonProperty("lora") LoraSection lora) {

    public SftConfig {
        if (model == null) {
            throw new IllegalArgumentException("model is required");
        }
        if (data == null) {
            throw new IllegalArgumentException("data is required");
        }
        encode = encode == null ? EncodeConfig.defaults() : encode;
        batch = batch == null ? BatchConfig.defaults() : batch;
        train = train == null ? TrainSection.defaults() : train;
        if (lora != null && train.freeze().contains("llm")) {
            throw new IllegalArgumentException("lora adapts the LLM: it cannot be combined with train.freeze: [llm]");
        }
    }

    /** The config file with its overrides applied, as a tree (what {@code config.yaml} of a run holds). */
    public static JsonNode resolvedTree(Path file, List<String> overrides) {
        return Configs.readTree(file, overrides);
    }

    /**
     * Loads and checks a config: binding errors, then every data path and the model's files, so a
     * typo fails before any work. Paths come back absolute.
     */
    public static SftConfig load(Path file, List<String> overrides) {
        return ConfigPaths.load(file, overrides, SftConfig.class, SftConfig::resolve);
    }

    /** This config with every relative path made absolute against {@code base}, and checked to exist. */
    public SftConfig resolve(Path base) {
        DataSection d = new DataSection(ConfigPaths.sources(base, data.train(), "data.train"),
                ConfigPaths.sources(base, data.eval(), "data.eval"), data.evalFraction());
        return new SftConfig(ConfigPaths.model(base, model), d, encode, batch, train, lora);
    }
}
