package dev.cota.sft.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cota.model.nn.Parameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Global-norm clipping as torch.nn.utils.clip_grad_norm_ computes it. */
class GradNormTest {

    @Test
    void normIsOverAllGradientsTogether() {
        try (NDManager root = NDManager.newBaseManager("PyTorch"); Parameters params = new Parameters(root)) {
            params.declare("a", new Shape(2), Parameters.Init.ZEROS);
            params.declare("b", new Shape(1), Parameters.Init.ZEROS);
            params.initialize(0, 0.02);
            params.attachGradients();
            AdamWTest.setGradient(params.get("a"), new double[] {3, 0});
            AdamWTest.setGradient(params.get("b"), new double[] {4});
            assertEquals(5.0, GradNorm.of(params, List.of("a", "b")), 1e-6);
            assertEquals(3.0, GradNorm.of(params, List.of("a")), 1e-6);
        }
    }

    @Test
    void clipFactorFollowsTorch() {
        // clip_coef = max_norm / (total_norm + 1e-6), clamped to 1.
        assertEquals(1.0 / (5.0 + 1e-6), GradNorm.clipFactor(5.0, 1.0), 1e-15);
        assertEquals(1.0, GradNorm.clipFactor(0.5, 1.0));
        assertEquals(1.0, GradNorm.clipFactor(100, 0), "max-grad-norm 0: no clipping");
    }
}
