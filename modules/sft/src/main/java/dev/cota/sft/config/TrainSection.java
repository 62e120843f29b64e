package dev.cota.sft.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cota.sft.optim.Schedule;
import java.util.List;
import java.util.Set;

/**
 * The optimization: how long, how fast, on what. Defaults (TACO's recipe where it has one):
 * <ul>
 * <li>{@code epochs: 1}, or {@code max-steps} optimizer steps when set (it wins).</li>
 * <li>{@code grad-accum: 1}: micro-batches per optimizer step; the global batch is
 *     {@code batch.batch-size x grad-accum}.</li>
 * <li>{@code lr: 1e-5}, {@code schedule: cosine}, {@code warmup-ratio: 0.03} (Hugging Face:
 *     {@code ceil(ratio x steps)} warmup steps), {@code min-lr-ratio: 0}.</li>
 * <li>{@code vision-lr}, {@code projector-lr}: the learning rates of the vision tower and the
 *     projector (default: {@code lr}); {@code freeze}: any of {@code vision}, {@code projector},
 *     {@code llm}.</li>
 * <li>AdamW: {@code weight-decay: 0}, {@code beta1: 0.9}, {@code beta2: 0.999}, {@code eps: 1e-8}
 *     (PyTorch's and Hugging Face's defaults).</li>
 * <li>{@code max-grad-norm: 1.0}: clip by global norm (0 turns clipping off).</li>
 * <li>{@code precision: float32}; {@code device: auto} ({@code cpu}, {@code gpu}, {@code gpu:N});
 *     {@code replicas}: data-parallel model copies (default: every GPU for {@code gpu} and for
 *     {@code auto} on a GPU machine, else 1; on CPU any number, for checking that data-parallel
 *     training equals single-device training).</li>
 * <li>{@code seed: 42}: with the step, fixes every random draw (dropout).</li>
 * <li>{@code log-every: 1}, {@code eval-every: 0} (only at the end when there is eval data),
 *     {@code save-every: 0} (only at the end), {@code keep-last: 2} checkpoints.</li>
 * </ul>
 */
public record TrainSection(
        @JsonProperty("epochs") Integer epochs,
        @JsonProperty("max-steps") Integer maxSteps,
        @JsonProperty("grad-accum") Integer gradAccum,
        @JsonProperty("lr") Double lr,
        @JsonProperty("vision-lr") Double visionLr,
        @JsonProperty("projector-lr") Double projectorLr,
        @JsonProperty("schedule") Schedule.Kind schedule,
        @JsonProperty("warmup-ratio") Double warmupRatio,
        @JsonProperty("min-lr-ratio") Double minLrRatio,
        @JsonProperty("weight-decay") Double weightDecay,
        @JsonProperty("beta1") Double beta1,
        @JsonProperty("beta2") Double beta2,
        @JsonProperty("eps") Double eps,
        @JsonProperty("max-grad-norm") Double maxGradNorm,
        @JsonProperty("freeze") List<String> freeze,
        @JsonProperty("precision") String precision,
        @JsonProperty("device") String device,
        @JsonProperty("replicas") Integer replicas,
        @JsonProperty("seed") Long seed,
        @JsonProperty("log-every") Integer logEvery,
        @JsonProperty("eval-every") Integer evalEvery,
        @JsonProperty("save-every") Integer saveEvery,
        @JsonProperty("keep-last") Integer keepLast) {

    /** The parts of a model that {@code freeze} names. */
    public static final Set<String> PARTS = Set.of("vision", "projector", "llm");

    public TrainSection {
        epochs = epochs == null ? 1 : epochs;
        gradAccum = gradAccum == null ? 1 : gradAccum;
        lr = lr == null ? 1e-5 : lr;
        schedule = schedule == null ? Schedule.Kind.COSINE : schedule;
        warmupRatio = warmupRatio == null ? 0.03 : warmupRatio;
        minLrRatio = minLrRatio == null ? 0.0 : minLrRatio;
        weightDecay = weightDecay == null ? 0.0 : weightDecay;
        beta1 = beta1 == null ? 0.9 : beta1;
        beta2 = beta2 == null ? 0.999 : beta2;
        eps = eps == null ? 1e-8 : eps;
        maxGradNorm = maxGradNorm == null ? 1.0 : maxGradNorm;
        freeze = freeze == null ? List.of() : List.copyOf(freeze);
        precision = precision == null ? "float32" : precision;
        device = device == null ? "auto" : device;
        seed = seed == null ? 42L : seed;
        logEvery = logEvery == null ? 1 : logEvery;
        evalEvery = evalEvery == null ? 0 : evalEvery;
        saveEvery = saveEvery == null ? 0 : saveEvery;
        keepLast = keepLast == null ? 2 : keepLast;
        positive("train.epochs", epochs);
        positive("train.grad-accum", gradAccum);
        if (maxSteps != null) {
            positive("train.max-steps", maxSteps);
        }
        rate("train.lr", lr);
        if (visionLr != null) {
            rate("train.vision-lr", visionLr);
        }
        if (projectorLr != null) {
            rate("train.projector-lr", projectorLr);
        }
        within("train.warmup-ratio", warmupRatio, 0, 1);
        within("train.min-lr-ratio", minLrRatio, 0, 1);
        within("train.beta1", beta1, 0, 0.999999);
        within("train.beta2", beta2, 0, 0.999999999);
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("train.weight-decay must be >= 0, got " + weightDecay);
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("train.eps must be > 0, got " + eps);
        }
        if (!(maxGradNorm >= 0)) {
            throw new IllegalArgumentException("train.max-grad-norm must be >= 0 (0: no clipping), got " + maxGradNorm);
        }
        for (String part : freeze) {
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("train.freeze: unknown part '" + part + "' (parts: llm, projector, vision)");
            }
        }
        if (!precision.equals("float32")) {
            // DJL 0.35.1's PyTorch JNI aborts the JVM on any bfloat16 array (reproduced in the models
            // work), so bf16 compute cannot be offered safely; refuse rather than crash mid-run.
            throw new IllegalArgumentException("train.precision '" + precision + "' is not supported: only float32"
                    + " (DJL 0.35.1's PyTorch bridge aborts the JVM on bfloat16 arrays)");
        }
        if (replicas != null) {
            positive("train.replicas", replicas);
        }
        positive("train.log-every", logEvery);
        if (evalEvery < 0 || saveEvery < 0) {
            throw new IllegalArgumentException("train.eval-every and train.save-every must be >= 0 (0: at the end only)");
        }
        positive("train.keep-last", keepLast);
    }

    /** All defaults. */
    public static TrainSection defaults() {
        return new TrainSection(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    private static void positive(String key, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + v);
        }
    }

    private static void rate(String key, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + " must be > 0, got " + v);
        }
    }

    private static void within(String key, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(key + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
