package dev.cota.sft.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cota.model.nn.Parameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AdamW against torch.optim.AdamW's update rule computed in double precision, step by step. */
class AdamWTest {

    /** Two steps of AdamW on w with the gradients g1, g2, as torch.optim.AdamW (single-tensor) does. */
    private static double[] reference(double[] w, double[][] grads, double lr, double b1, double b2, double eps,
                                      double wd) {
        double[] p = w.clone();
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        for (int t = 1; t <= grads.length; t++) {
            double[] g = grads[t - 1];
            for (int i = 0; i < p.length; i++) {
                p[i] *= 1 - lr * wd;
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(b2, t)) + eps;
                p[i] -= lr / (1 - Math.pow(b1, t)) * m[i] / denom;
            }
        }
        return p;
    }

    @Test
    void twoStepsMatchTorchAdamW() {
        double[] w0 = {0.5, -1.0, 2.0, 0.0};
        double[][] grads = {{0.1, -0.2, 0.3, 1e-4}, {-0.05, 0.4, 0.3, 0.0}};
        try (NDManager root = NDManager.newBaseManager("PyTorch"); Parameters params = new Parameters(root)) {
            params.declare("w", new Shape(4), Parameters.Init.ZEROS);
            params.put("w", params.manager().create(new float[] {0.5f, -1f, 2f, 0f}));
            params.attachGradients();
            try (AdamW opt = new AdamW(params, List.of(new ParamGroup("llm", 0.1, List.of("w"))), 0.9, 0.999, 1e-8, 0.01)) {
                for (double[] g : grads) {
                    setGradient(params.get("w"), g);
                    opt.step(1.0, 1.0);
                }
                double[] expected = reference(w0, grads, 0.1, 0.9, 0.999, 1e-8, 0.01);
                float[] got = params.get("w").toFloatArray();
                for (int i = 0; i < 4; i++) {
                    assertEquals(expected[i], got[i], 1e-6, "w[" + i + "]");
                }
                assertEquals(2, opt.steps());
                assertArrayEquals(new float[4], params.get("w").getGradient().toFloatArray(), "gradients are zeroed");
                Map<String, NDArray> state = opt.state();
                assertEquals(List.of("exp_avg.w", "exp_avg_sq.w"), List.copyOf(state.keySet()));
                // exp_avg after two steps: 0.9 * 0.1 * g1 + 0.1 * g2
                assertEquals(0.9 * 0.1 * 0.1 + 0.1 * -0.05, state.get("exp_avg.w").toFloatArray()[0], 1e-7);
            }
        }
    }

    @Test
    void clipFactorScalesTheGradientAndLrFactorTheRate() {
        // With gradScale 0.5 the update equals one with half the gradient; Adam is scale-invariant
        // only up to eps, so compare against the reference with the halved gradient.
        double[][] grads = {{0.2, -0.4}};
        try (NDManager root = NDManager.newBaseManager("PyTorch"); Parameters params = new Parameters(root)) {
            params.declare("w", new Shape(2), Parameters.Init.ZEROS);
            params.put("w", params.manager().create(new float[] {1f, 1f}));
            params.attachGradients();
            try (AdamW opt = new AdamW(params, List.of(new ParamGroup("llm", 0.2, List.of("w"))), 0.9, 0.999, 1e-3, 0)) {
                setGradient(params.get("w"), grads[0]);
                opt.step(0.5, 0.5);
                double[] expected = reference(new double[] {1, 1}, new double[][] {{0.1, -0.2}}, 0.1, 0.9, 0.999, 1e-3, 0);
                float[] got = params.get("w").toFloatArray();
                assertEquals(expected[0], got[0], 1e-6);
                assertEquals(expected[1], got[1], 1e-6);
            }
        }
    }

    /** Makes {@code g} the gradient of {@code w}: backward of sum(w * g). */
    static void setGradient(NDArray w, double[] g) {
        float[] f = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            f[i] = (float) g[i];
        }
        try (NDManager m = w.getManager().newSubManager();
             ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            gc.backward(w.mul(m.create(f, w.getShape())).sum());
        }
    }
}
