package dev.cota.dpo.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The reference policy of DPO: a checkpoint ({@code path}) or a from-scratch preset ({@code init}
 * with {@code seed}). When the section is absent the reference is the policy's starting point
 * ({@code model}), as in TRL when no {@code ref_model} is given.
 *
 * @param path checkpoint directory in the Hugging Face layout
 * @param init model preset YAML
 * @param seed seed of a from-scratch reference's weights (default 0)
 */
public record ReferenceSection(
        @JsonProperty("path") String path,
        @JsonProperty("init") String init,
        @JsonProperty("seed") Long seed) {

    public ReferenceSection {
        if ((path == null) == (init == null)) {
            throw new IllegalArgumentException("reference needs exactly one of path (a checkpoint) and init (a preset)");
        }
        seed = seed == null ? 0L : seed;
    }
}
