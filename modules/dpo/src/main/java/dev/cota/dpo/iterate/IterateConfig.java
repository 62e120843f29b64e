package dev.cota.dpo.iterate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cota.core.json.Json;
import dev.cota.data.batch.BatchConfig;
import dev.cota.data.encode.EncodeConfig;
import dev.cota.dpo.config.DpoConfig;
import dev.cota.dpo.config.DpoSection;
import dev.cota.sft.config.ConfigPaths;
import dev.cota.sft.config.DataSection;
import dev.cota.sft.config.DataSource;
import dev.cota.sft.config.LoraSection;
import dev.cota.sft.config.ModelSection;
import dev.cota.sft.config.TrainSection;
import java.nio.file.Path;
import java.util.List;

/**
 * An iterative DPO run's configuration ({@code configs/dpo/*-iterate.yaml}): the starting policy
 * ({@code model.path}, a checkpoint: sampling needs a model that can already answer), the prompts,
 * the {@code iterate} settings, and the sections of one DPO stage ({@code encode}, {@code batch},
 * {@code train}, {@code lora}, {@code dpo}, as {@code cota train dpo} reads them), which every round
 * reuses with its own policy and pairs. There is no {@code reference}: each stage's reference is the
 * policy it starts from. Relative paths are relative to the config file's directory.
 */
public record IterateConfig(
        @JsonProperty("model") ModelSection model,
        @JsonProperty("prompts") PromptsSection prompts,
        @JsonProperty("iterate") IterateSection iterate,
        @JsonProperty("encode") EncodeConfig encode,
        @JsonProperty("batch") BatchConfig batch,
        @JsonProperty("train") TrainSection train,
        @JsonProperty("lora") LoraSection lora,
        @JsonProperty("dpo") DpoSection dpo) {

    /** The sections copied into each round's DPO stage config. */
    static final List<String> STAGE_SECTIONS = List.of("encode", "batch", "train", "lora", "dpo");

    public IterateConfig {
        if (model == null || model.path() == null) {
            throw new IllegalArgumentException("model.path is required: iterative DPO samples from a checkpoint"
                    + " (an SFT output), not from a from-scratch model.init");
        }
        if (prompts == null) {
            throw new IllegalArgumentException("prompts is required (train and heldout sources)");
        }
        iterate = iterate == null ? IterateSection.defaults() : iterate;
        encode = encode == null ? EncodeConfig.defaults() : encode;
        batch = batch == null ? BatchConfig.defaults() : batch;
        train = train == null ? TrainSection.defaults() : train;
        dpo = dpo == null ? DpoSection.defaults() : dpo;
        // the stage's own checks (truncation drop, no packing, ...), on a placeholder pair source
        new DpoConfig(model, null, new DataSection(List.of(new DataSource("pairs.jsonl", "trace-pairs", null, null)),
                List.of(), 0.0), encode, batch, train, lora, dpo);
    }

    /** Loads and checks a config; the model and prompt paths come back absolute and checked to exist. */
    public static IterateConfig load(Path file, List<String> overrides) {
        return ConfigPaths.load(file, overrides, IterateConfig.class, (c, base) -> {
            PromptsSection p = new PromptsSection(ConfigPaths.sources(base, c.prompts().train(), "prompts.train"),
                    ConfigPaths.sources(base, c.prompts().heldout(), "prompts.heldout"));
            return new IterateConfig(ConfigPaths.model(base, c.model()), p, c.iterate(), c.encode(), c.batch(), c.train(),
                    c.lora(), c.dpo());
        });
    }

    /**
     * The config tree of one round's DPO stage: this file's stage sections verbatim (a relative
     * {@code dpo.reference-cache} made absolute), {@code model.path} = the round's starting policy
     * (also its reference) and the round's pairs as the one {@code trace-pairs} source.
     */
    public static ObjectNode stageTree(JsonNode resolved, Path configDir, Path policy, Path pairs) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.putObject("model").put("path", policy.toAbsolutePath().toString());
        out.putObject("data").putArray("train").addObject().put("path", pairs.toAbsolutePath().toString())
                .put("format", "trace-pairs");
        for (String key : STAGE_SECTIONS) {
            if (resolved.hasNonNull(key)) {
                out.set(key, resolved.get(key).deepCopy());
            }
        }
        JsonNode cache = out.path("dpo").path("reference-cache");
        if (cache.isTextual()) {
            ((ObjectNode) out.get("dpo")).put("reference-cache",
                    configDir.resolve(cache.asText()).normalize().toAbsolutePath().toString());
        }
        return out;
    }
}
