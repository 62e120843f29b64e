package dev.cota.dpo.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cota.dpo.loss.DpoLoss;
import dev.cota.dpo.loss.LossType;

/**
 * The preference objective, with TRL's {@code DPOConfig} defaults:
 * <ul>
 * <li>{@code beta: 0.1}: the KL coefficient (Insight-V's DPO stage uses 0.1 too).</li>
 * <li>{@code loss: sigmoid}: {@code sigmoid}, {@code cdpo}, {@code robust}, {@code hinge}, {@code ipo}.</li>
 * <li>{@code label-smoothing: 0}: {@code eps} of {@code cdpo} and {@code robust}.</li>
 * <li>{@code sft-weight: 0}: weight of an added token-mean NLL on the chosen completions (RPO,
 *     TRL's {@code rpo_alpha}), which keeps the chosen log-probs from falling with the rejected.</li>
 * <li>{@code reference-cache}: directory of cached reference log-probs (relative to the config
 *     file); default {@code RUN_DIR/reference-cache}.</li>
 * </ul>
 */
public record DpoSection(
        @JsonProperty("beta") Double beta,
        @JsonProperty("loss") LossType loss,
        @JsonProperty("label-smoothing") Double labelSmoothing,
        @JsonProperty("sft-weight") Double sftWeight,
        @JsonProperty("reference-cache") String referenceCache) {

    public DpoSection {
        beta = beta == null ? 0.1 : beta;
        loss = loss == null ? LossType.SIGMOID : loss;
        labelSmoothing = labelSmoothing == null ? 0.0 : labelSmoothing;
        sftWeight = sftWeight == null ? 0.0 : sftWeight;
        if (!(sftWeight >= 0) || Double.isInfinite(sftWeight)) {
            throw new IllegalArgumentException("dpo.sft-weight must be >= 0, got " + sftWeight);
        }
        new DpoLoss(loss, beta, labelSmoothing);
    }

    /** All defaults. */
    public static DpoSection defaults() {
        return new DpoSection(null, null, null, null, null);
    }

    /** The loss these settings define (checked: beta > 0, label smoothing in range for the loss). */
    public DpoLoss toLoss() {
        return new DpoLoss(loss, beta, labelSmoothing);
    }

    /** This section with another cache directory. */
    public DpoSection withReferenceCache(String dir) {
        return new DpoSection(beta, loss, labelSmoothing, sftWeight, dir);
    }
}
