package dev.cota.dpo.iterate;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cota.sft.config.DataSource;
import java.util.List;

/**
 * Where an iterative run's prompts come from ({@link PromptReader}): {@code train} is sampled every
 * round, {@code heldout} is answered greedily after every stage (its accuracy is the round's score).
 *
 * @param train prompt sources for sampling (at least one)
 * @param heldout prompt sources for evaluation (at least one)
 */
public record PromptsSection(
        @JsonProperty("train") List<DataSource> train,
        @JsonProperty("heldout") List<DataSource> heldout) {

    public PromptsSection {
        if (train == null || train.isEmpty()) {
            throw new IllegalArgumentException("prompts.train needs at least one source");
        }
        if (heldout == null || heldout.isEmpty()) {
            throw new IllegalArgumentException("prompts.heldout needs at least one source");
        }
        train = List.copyOf(train);
        heldout = List.copyOf(heldout);
    }
}
