package dev.cota.sft.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the run trains and evaluates on. Defaults: no eval sources and {@code eval-fraction: 0}
 * (no evaluation).
 *
 * @param train training sources, read and concatenated in order
 * @param eval held-out sources; when empty, {@code eval-fraction} of the training traces (chosen by
 *     a hash of their ids, so the split does not depend on order) is held out instead
 * @param evalFraction fraction of training traces held out when {@code eval} is empty, in [0, 0.5]
 */
public record DataSection(
        @JsonProperty("train") List<DataSource> train,
        @JsonProperty("eval") List<DataSource> eval,
        @JsonProperty("eval-fraction") Double evalFraction) {

    public DataSection {
        if (train == null || train.isEmpty()) {
            throw new IllegalArgumentException("data.train needs at least one source");
        }
        train = List.copyOf(train);
        eval = eval == null ? List.of() : List.copyOf(eval);
        evalFraction = evalFraction == null ? 0.0 : evalFraction;
        if (!(evalFraction >= 0 && evalFraction <= 0.5)) {
            throw new IllegalArgumentException("data.eval-fraction must be in [0, 0.5], got " + evalFraction);
        }
        if (!eval.isEmpty() && evalFraction > 0) {
            throw new IllegalArgumentException("data.eval and data.eval-fraction exclude each other");
        }
    }
}
