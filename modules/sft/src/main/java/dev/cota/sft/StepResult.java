package dev.cota.sft;

/**
 * What one optimizer step measured.
 *
 * @param loss token-mean cross-entropy over the global batch's scored tokens
 * @param accuracy fraction of scored tokens whose argmax is the target
 * @param lossTokens scored tokens of the global batch
 * @param tokens input tokens of the global batch (padding excluded)
 * @param gradNorm global gradient norm before clipping
 * @param lr the learning rate of the LLM (else the first parameter group) at this step
 */
public record StepResult(double loss, double accuracy, int lossTokens, long tokens, double gradNorm, double lr) {
}
