package dev.cota.bench;

import java.util.List;
import java.util.Map;

/**
 * A benchmark's official scoring: a pure function of (item, prediction) and the official
 * aggregation of the per-item scores. Implementations name, in their Javadoc, the official script
 * they reproduce, and reproduce its semantics (Python's {@code float()}, {@code string.punctuation},
 * {@code str.lower}) rather than Java's where they differ.
 */
public interface Scorer {

    /** Scores one prediction without a judge (items that need one are marked {@code unjudged}). */
    ItemScore score(BenchItem item, String prediction);

    /**
     * Scores one prediction, asking the judge where the official evaluation does. The default is
     * for scorers that never need one.
     *
     * @param judge the configured judge, or null when the run has none
     */
    default ItemScore score(BenchItem item, String prediction, Judge judge) {
        return score(item, prediction);
    }

    /**
     * The suite's official aggregate figures, under the names its paper uses (e.g. {@code overall},
     * {@code level_1}, per-category accuracies), as a JSON object; the harness writes it to
     * {@code summary.json}.
     */
    Map<String, Object> summarize(List<ItemScore> scores);
}
