package dev.cota.dpo.loss;

import ai.djl.ndarray.NDArray;

/**
 * The per-pair preference loss and the implicit rewards, as TRL's {@code DPOTrainer.dpo_loss}
 * defines them. With {@code d = (log pi(c) - log pi(r)) - (log ref(c) - log ref(r))}:
 * <ul>
 * <li>{@code sigmoid}, {@code cdpo}: {@code -(1-eps) log sigmoid(beta d) - eps log sigmoid(-beta d)}</li>
 * <li>{@code robust}: {@code (-(1-eps) log sigmoid(beta d) + eps log sigmoid(-beta d)) / (1 - 2 eps)}</li>
 * <li>{@code hinge}: {@code max(0, 1 - beta d)}</li>
 * <li>{@code ipo}: {@code (d - 1/(2 beta))^2}, the log-probs being means over completion tokens
 *     (the caller divides; {@link LossType#lengthNormalized})</li>
 * </ul>
 * Rewards are {@code beta (log pi - log ref)} of the chosen and the rejected completion, detached
 * from the graph as TRL logs them.
 *
 * @param type the loss
 * @param beta the KL coefficient
 * @param labelSmoothing {@code eps}: the assumed probability that a pair's labels are flipped
 */
public record DpoLoss(LossType type, double beta, double labelSmoothing) {

    public DpoLoss {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("dpo.beta must be > 0, got " + beta);
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 0.5)) {
            throw new IllegalArgumentException("dpo.label-smoothing must be in [0, 0.5), got " + labelSmoothing);
        }
        if (type == LossType.CDPO && labelSmoothing == 0) {
            throw new IllegalArgumentException("dpo.loss cdpo needs dpo.label-smoothing > 0 (with 0 it is sigmoid)");
        }
        if ((type == LossType.HINGE || type == LossType.IPO) && labelSmoothing != 0) {
            throw new IllegalArgumentException("dpo.label-smoothing applies to sigmoid, cdpo and robust, not " + type.id());
        }
    }

    /**
     * The losses of a batch of pairs and their rewards.
     *
     * @param losses {@code [pairs]}, differentiable through the policy's log-probs
     * @param chosenRewards {@code [pairs]}, {@code beta (log pi(c) - log ref(c))}, detached
     * @param rejectedRewards {@code [pairs]}, {@code beta (log pi(r) - log ref(r))}, detached
     */
    public record Out(NDArray losses, NDArray chosenRewards, NDArray rejectedRewards) {
    }

    /** The loss of pairs from the policy's and the reference's log-probs, each {@code [pairs]}. */
    public Out of(NDArray chosen, NDArray rejected, NDArray refChosen, NDArray refRejected) {
        NDArray logits = chosen.sub(rejected).sub(refChosen.sub(refRejected));
        NDArray scaled = logits.mul(beta);
        double eps = labelSmoothing;
        NDArray losses = switch (type) {
            case SIGMOID, CDPO -> logSigmoid(scaled).mul(-(1 - eps)).sub(logSigmoid(scaled.neg()).mul(eps));
            case ROBUST -> logSigmoid(scaled).mul(-(1 - eps)).add(logSigmoid(scaled.neg()).mul(eps)).div(1 - 2 * eps);
            case HINGE -> scaled.neg().add(1).maximum(0);
            case IPO -> logits.sub(1 / (2 * beta)).square();
        };
        NDArray chosenRewards = chosen.sub(refChosen).mul(beta).stopGradient();
        NDArray rejectedRewards = rejected.sub(refRejected).mul(beta).stopGradient();
        return new Out(losses, chosenRewards, rejectedRewards);
    }

    /** {@code log sigmoid(x) = min(x, 0) - log(1 + exp(-|x|))}, finite for every finite x. */
    static NDArray logSigmoid(NDArray x) {
        return x.minimum(0).sub(x.abs().neg().exp().add(1).log());
    }
}
