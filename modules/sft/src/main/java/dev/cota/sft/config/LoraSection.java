package dev.cota.sft.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cota.model.lora.LoraConfig;
import java.util.List;

/**
 * LoRA fine-tuning (T3-Agent tunes the LLM with LoRA): PEFT's {@code LoraConfig} keys. Defaults:
 * {@code alpha} = 2 r, {@code dropout: 0.05}, targets: the attention and MLP projections of the
 * decoder ({@code q_proj k_proj v_proj o_proj gate_proj up_proj down_proj}).
 */
public record LoraSection(
        @JsonProperty("r") Integer r,
        @JsonProperty("alpha") Double alpha,
        @JsonProperty("dropout") Double dropout,
        @JsonProperty("target-modules") List<String> targetModules) {

    /** The decoder's projections: what T3-Agent's and most LLaVA LoRA recipes adapt. */
    public static final List<String> DEFAULT_TARGETS =
            List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj");

    public LoraSection {
        if (r == null || r <= 0) {
            throw new IllegalArgumentException("lora.r must be a positive rank");
        }
        alpha = alpha == null ? 2.0 * r : alpha;
        dropout = dropout == null ? 0.05 : dropout;
        targetModules = targetModules == null ? DEFAULT_TARGETS : List.copyOf(targetModules);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("lora.dropout must be in [0, 1), got " + dropout);
        }
    }

    /** As the model module's (PEFT) adapter config. */
    public LoraConfig toLoraConfig() {
        return LoraConfig.of(r, alpha, dropout, targetModules);
    }
}
