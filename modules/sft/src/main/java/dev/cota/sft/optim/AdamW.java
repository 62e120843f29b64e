package dev.cota.sft.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.cota.model.nn.Parameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW with decoupled weight decay (Loshchilov and Hutter, 2019), step for step as PyTorch's
 * {@code torch.optim.AdamW} (single-tensor path): {@code p *= 1 - lr wd}; {@code m = b1 m + (1-b1) g};
 * {@code v = b2 v + (1-b2) g^2}; {@code p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}.
 * The moments are float32 arrays kept here by parameter name, so a checkpoint can save them
 * ({@link #state}) and a resumed run continue exactly ({@link #load}); DJL's own optimizers keep no
 * state a checkpoint can hold. Gradients are read from the weights ({@code getGradient}), scaled
 * by the global-norm clip factor, and zeroed after the update.
 */
public final class AdamW implements AutoCloseable {

    private final Parameters params;
    private final List<ParamGroup> groups;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final NDManager state;
    private final Map<String, NDArray> expAvg = new LinkedHashMap<>();
    private final Map<String, NDArray> expAvgSq = new LinkedHashMap<>();
    private int steps;

    public AdamW(Parameters params, List<ParamGroup> groups, double beta1, double beta2, double eps, double weightDecay) {
        this.params = params;
        this.groups = List.copyOf(groups);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.state = params.manager().newSubManager();
        for (ParamGroup g : groups) {
            for (String name : g.names()) {
                NDArray w = params.get(name);
                expAvg.put(name, state.zeros(w.getShape(), DataType.FLOAT32));
                expAvgSq.put(name, state.zeros(w.getShape(), DataType.FLOAT32));
            }
        }
    }

    /** Updates made so far (PyTorch's per-parameter {@code step}, the same for every weight here). */
    public int steps() {
        return steps;
    }

    public List<ParamGroup> groups() {
        return groups;
    }

    /** The names this optimizer updates, in group order. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        groups.forEach(g -> out.addAll(g.names()));
        return out;
    }

    /**
     * One update of every weight: each group's rate is its peak rate times {@code lrFactor}; the
     * gradients are multiplied by {@code gradScale} (the clip factor, 1 for none) first. The
     * gradients are zeroed afterwards.
     */
    public void step(double lrFactor, double gradScale) {
        steps++;
        double bc1 = 1 - Math.pow(beta1, steps);
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, steps));
        for (ParamGroup g : groups) {
            double lr = g.lr() * lrFactor;
            for (String name : g.names()) {
                update(name, lr, bc1, bc2Sqrt, gradScale);
            }
        }
    }

    private void update(String name, double lr, double bc1, double bc2Sqrt, double gradScale) {
        NDArray w = params.get(name);
        NDArray m = expAvg.get(name);
        NDArray v = expAvgSq.get(name);
        try (NDManager scratch = state.newSubManager()) {
            NDArray grad = w.getGradient();
            grad.attach(scratch);
            NDArray g = gradScale == 1.0 ? grad : grad.mul((float) gradScale);
            if (weightDecay != 0) {
                w.muli((float) (1 - lr * weightDecay));
            }
            m.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
            v.muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
            NDArray denom = v.sqrt();
            denom.attach(scratch);
            denom.divi((float) bc2Sqrt).addi((float) eps);
            NDArray update = m.div(denom);
            update.attach(scratch);
            w.subi(update.muli((float) (lr / bc1)));
            grad.subi(grad);
        }
    }

    /**
     * The moments by saved name, as PyTorch's {@code state_dict} holds them per parameter:
     * {@code exp_avg.<name>} and {@code exp_avg_sq.<name>}.
     */
    public Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        expAvg.forEach((k, a) -> out.put("exp_avg." + k, a));
        expAvgSq.forEach((k, a) -> out.put("exp_avg_sq." + k, a));
        return out;
    }

    /** Restores the moments and the step count saved by a checkpoint; every moment must be there. */
    public void load(Map<String, float[]> saved, int savedSteps) {
        for (Map.Entry<String, NDArray> e : state().entrySet()) {
            float[] values = saved.get(e.getKey());
            if (values == null) {
                throw new IllegalArgumentException("optimizer state has no " + e.getKey());
            }
            NDArray a = e.getValue();
            if (values.length != a.size()) {
                throw new IllegalArgumentException("optimizer state " + e.getKey() + " has " + values.length
                        + " values, the weight has " + a.size());
            }
            a.set(values);
        }
        steps = savedSteps;
    }

    @Override
    public void close() {
        state.close();
    }
}
