package dev.cota.sft.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.cota.model.nn.Parameters;
import java.util.List;

/**
 * Gradient clipping by global norm, as PyTorch's {@code torch.nn.utils.clip_grad_norm_}: the L2
 * norm of all gradients together, and the factor {@code min(1, max_norm / (norm + 1e-6))} that
 * scales every gradient when the norm exceeds {@code max_norm}. DJL's own clip is elementwise and
 * one-sided, which changes the gradient's direction; this keeps it.
 */
public final class GradNorm {

    private GradNorm() {
    }

    /** The global L2 norm of the gradients of {@code names} (one value read back from the device). */
    public static double of(Parameters params, List<String> names) {
        try (NDManager scratch = params.manager().newSubManager()) {
            NDArray total = null;
            for (String name : names) {
                NDArray g = params.get(name).getGradient();
                g.attach(scratch);
                NDArray sq = g.square().sum();
                total = total == null ? sq : total.addi(sq);
            }
            return total == null ? 0.0 : Math.sqrt(total.getFloat());
        }
    }

    /** The factor the gradients are multiplied by: 1 when clipping is off or the norm is within bounds. */
    public static double clipFactor(double norm, double maxNorm) {
        if (maxNorm <= 0) {
            return 1.0;
        }
        return Math.min(1.0, maxNorm / (norm + 1e-6));
    }
}
