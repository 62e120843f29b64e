package dev.cota.dpo.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Per-row completion log-probs against values computed by hand (Python's {@code math}). */
class SequenceLogpsTest {

    @Test
    void sumsTheShiftedScoredLabelsOfEachRow() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            float[] logits = {1.0f, 2.0f, 0.5f, 0.0f, -1.0f, 3.0f, 2.0f, 2.0f, 2.0f,
                0.5f, 0.25f, -0.5f, 1.5f, -2.0f, 0.0f, 0.0f, 1.0f, 0.0f};
            int[][] labels = {{-100, 1, 2}, {-100, -100, 0}};
            SequenceLogps s = SequenceLogps.of(m.create(logits, new Shape(2, 3, 3)), labels);
            // row 0: log_softmax([1, 2, .5])[1] + log_softmax([0, -1, 3])[2]; row 1: log_softmax([1.5, -2, 0])[0]
            assertArrayEquals(new double[] {-0.530252687865, -0.225802049232}, toDoubles(s.sums().toFloatArray()), 1e-6);
            assertArrayEquals(new int[] {2, 1}, s.tokens());
            assertArrayEquals(new double[] {-0.265126343933, -0.225802049232}, toDoubles(s.means().toFloatArray()), 1e-6);
        }
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
