package dev.cota.dpo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one optimizer step measured, under TRL's metric names ({@link #metrics}); every value is a
 * mean over the step's global batch of pairs.
 *
 * @param loss the objective: mean preference loss plus {@code sft-weight} times the NLL
 * @param nll token-mean NLL of the chosen completions (0 when {@code sft-weight} is 0)
 * @param rewardsChosen mean {@code beta (log pi(c) - log ref(c))}
 * @param rewardsRejected mean {@code beta (log pi(r) - log ref(r))}
 * @param accuracy fraction of pairs whose chosen reward exceeds the rejected one
 * @param logpsChosen mean policy log-prob of the chosen completions
 * @param logpsRejected mean policy log-prob of the rejected completions
 * @param pairs pairs in the global batch
 * @param tokens input tokens of the global batch, both sides, padding excluded
 * @param gradNorm global gradient norm before clipping
 * @param lr the learning rate of the first parameter group at this step
 */
public record DpoStepResult(double loss, double nll, double rewardsChosen, double rewardsRejected, double accuracy,
                            double logpsChosen, double logpsRejected, int pairs, long tokens, double gradNorm,
                            double lr) {

    /** {@code rewardsChosen - rewardsRejected}. */
    public double margin() {
        return rewardsChosen - rewardsRejected;
    }

    /** The step's values under TRL's names ({@code loss}, {@code rewards/chosen}, ...). */
    public Map<String, Object> metrics(boolean withNll) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", loss);
        if (withNll) {
            m.put("nll_loss", nll);
        }
        m.put("rewards/chosen", rewardsChosen);
        m.put("rewards/rejected", rewardsRejected);
        m.put("rewards/accuracies", accuracy);
        m.put("rewards/margins", margin());
        m.put("logps/chosen", logpsChosen);
        m.put("logps/rejected", logpsRejected);
        m.put("grad_norm", gradNorm);
        m.put("lr", lr);
        return m;
    }
}
