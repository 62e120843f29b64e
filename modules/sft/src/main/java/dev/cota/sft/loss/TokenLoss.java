package dev.cota.sft.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.cota.data.batch.Batch;

/**
 * Masked next-token cross-entropy as a <em>sum</em> over the scored tokens of one micro-batch, so
 * the trainer divides by the scored-token count of the whole global batch and gradient
 * accumulation gives exactly the gradient of one big batch (the token-mean fix of Hugging Face's
 * {@code num_items_in_batch}). The logits at position {@code t} are scored against the label at
 * {@code t + 1}; a label of {@link Batch#IGNORE} scores nothing, so a masked position's logits get
 * a gradient of exactly zero (their weight is 0, not a small number).
 */
public final class TokenLoss {

    private TokenLoss() {
    }

    /**
     * The scored targets of a batch: for each position {@code t}, the label at {@code t + 1} and
     * whether it counts.
     *
     * @param targets next-token ids ({@code 0} where not scored, a valid index for the gather)
     * @param weights 1 where scored, 0 elsewhere
     * @param count scored positions
     */
    public record Targets(int[][] targets, float[][] weights, int count) {
    }

    /** The shifted targets of {@code labels [rows][length]}. */
    public static Targets targets(int[][] labels) {
        int rows = labels.length;
        int len = rows == 0 ? 0 : labels[0].length;
        int[][] t = new int[rows][len];
        float[][] w = new float[rows][len];
        int count = 0;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i + 1 < len; i++) {
                int next = labels[r][i + 1];
                if (next != Batch.IGNORE) {
                    t[r][i] = next;
                    w[r][i] = 1f;
                    count++;
                }
            }
        }
        return new Targets(t, w, count);
    }

    /** Scored tokens of a batch: what the trainer divides the summed loss by. */
    public static int count(int[][] labels) {
        return targets(labels).count();
    }

    /**
     * The summed loss and the number of correct argmax predictions over the scored positions.
     *
     * @param sum scalar: {@code -sum log p(target)} over scored positions (differentiable)
     * @param correct scalar: scored positions whose argmax is the target (not differentiable)
     */
    public record Parts(NDArray sum, NDArray correct) {
    }

    /** The loss of {@code logits [rows, length, vocab]} against the batch's labels. */
    public static Parts of(NDArray logits, int[][] labels) {
        Targets t = targets(labels);
        NDManager m = logits.getManager();
        int rows = t.targets().length;
        int len = rows == 0 ? 0 : t.targets()[0].length;
        Shape shape = new Shape(rows, len);
        NDArray ids = m.create(flatten(t.targets()), shape).toType(DataType.INT64, false);
        NDArray weights = m.create(flatten(t.weights()), shape);
        NDArray logp = logits.logSoftmax(-1).gather(ids.expandDims(-1), -1).squeeze(-1);
        NDArray sum = logp.mul(weights).sum().neg();
        NDArray hit = logits.argMax(-1).eq(ids).toType(DataType.FLOAT32, false).mul(weights).sum();
        return new Parts(sum, hit);
    }

    private static int[] flatten(int[][] a) {
        int len = a.length == 0 ? 0 : a[0].length;
        int[] out = new int[a.length * len];
        for (int r = 0; r < a.length; r++) {
            System.arraycopy(a[r], 0, out, r * len, len);
        }
        return out;
    }

    private static float[] flatten(float[][] a) {
        int len = a.length == 0 ? 0 : a[0].length;
        float[] out = new float[a.length * len];
        for (int r = 0; r < a.length; r++) {
            System.arraycopy(a[r], 0, out, r * len, len);
        }
        return out;
    }
}
