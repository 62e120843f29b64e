package dev.cota.dpo.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.cota.sft.loss.TokenLoss;

/**
 * The log-probability of each row's completion: {@code sum_t log p(label[t+1] | tokens <= t)} over
 * the scored (assistant) labels of the row, as TRL's {@code concatenated_forward} sums per-token
 * log-probs under its loss mask. The shift and the mask are {@link TokenLoss#targets}'s, so DPO
 * scores exactly the tokens SFT trains on.
 *
 * @param sums {@code [rows]} summed log-probs (differentiable)
 * @param tokens scored tokens of each row
 */
public record SequenceLogps(NDArray sums, int[] tokens) {

    /** The per-row log-probs of {@code logits [rows, length, vocab]} against {@code labels [rows][length]}. */
    public static SequenceLogps of(NDArray logits, int[][] labels) {
        TokenLoss.Targets t = TokenLoss.targets(labels);
        NDManager m = logits.getManager();
        int rows = labels.length;
        int len = rows == 0 ? 0 : labels[0].length;
        int[] ids = new int[rows * len];
        float[] weights = new float[rows * len];
        int[] tokens = new int[rows];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < len; i++) {
                ids[r * len + i] = t.targets()[r][i];
                weights[r * len + i] = t.weights()[r][i];
                tokens[r] += t.weights()[r][i] > 0 ? 1 : 0;
            }
        }
        Shape shape = new Shape(rows, len);
        NDArray index = m.create(ids, shape).toType(DataType.INT64, false);
        NDArray w = m.create(weights, shape).toType(logits.getDataType(), false);
        NDArray logp = logits.logSoftmax(-1).gather(index.expandDims(-1), -1).squeeze(-1);
        return new SequenceLogps(logp.mul(w).sum(new int[] {1}), tokens);
    }

    /** The sums divided by the token counts (a row with no scored token gives 0), for length-normalized losses. */
    public NDArray means() {
        return perToken(sums, tokens);
    }

    /** {@code sums / tokens} row by row, a zero count counting as one (its sum is 0). */
    public static NDArray perToken(NDArray sums, int[] tokens) {
        float[] n = new float[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            n[i] = Math.max(1, tokens[i]);
        }
        return sums.div(sums.getManager().create(n).toType(sums.getDataType(), false));
    }
}
