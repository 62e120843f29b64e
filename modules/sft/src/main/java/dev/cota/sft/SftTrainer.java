package dev.cota.sft;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.cota.data.batch.Batch;
import dev.cota.data.batch.BatchPosition;
import dev.cota.data.batch.Batcher;
import dev.cota.sft.loss.TokenLoss;
import dev.cota.sft.model.TrainableModel;
import dev.cota.sft.optim.AdamW;
import dev.cota.sft.optim.GradNorm;
import dev.cota.sft.optim.Schedule;
import java.util.ArrayList;
import java.util.List;

/**
 * The training step and evaluation of supervised fine-tuning: for each optimizer step, the
 * {@code accum} micro-batches that follow the data position, each forward and backward with the
 * summed masked loss divided by the scored-token count of the whole global batch (so accumulation
 * is exact), then the global-norm clip, the scheduled AdamW update, and zeroed gradients. Random
 * draws are seeded with {@code seed + step}, so a step computes the same thing in a resumed run.
 */
public final class SftTrainer {

    private final TrainableModel model;
    private final Replicas replicas;
    private final AdamW optimizer;
    private final Batcher batcher;
    private final Schedule schedule;
    private final int accum;
    private final double maxGradNorm;
    private final long seed;

    public SftTrainer(TrainableModel model, AdamW optimizer, Batcher batcher, Schedule schedule, int accum,
                      double maxGradNorm, long seed) {
        this(Replicas.single(model), optimizer, batcher, schedule, accum, maxGradNorm, seed);
    }

    /** A data-parallel trainer: micro-batches are dealt to the replicas, replica 0 holds the optimizer's weights. */
    public SftTrainer(Replicas replicas, AdamW optimizer, Batcher batcher, Schedule schedule, int accum,
                      double maxGradNorm, long seed) {
        TrainableModel model = replicas.main();
        this.replicas = replicas;
        this.model = model;
        this.optimizer = optimizer;
        this.batcher = batcher;
        this.schedule = schedule;
        this.accum = accum;
        this.maxGradNorm = maxGradNorm;
        this.seed = seed;
    }

    /** The data position of the first micro-batch of the step after {@code step} steps. */
    public BatchPosition positionAfter(int step) {
        long index = (long) step * accum;
        int per = batcher.batchesPerEpoch();
        return new BatchPosition(Math.toIntExact(index / per), Math.toIntExact(index % per));
    }

    /** Epochs of data consumed after {@code step} steps (fractional, as Hugging Face logs {@code epoch}). */
    public double epochsAfter(int step) {
        return (double) step * accum / batcher.batchesPerEpoch();
    }

    /**
     * The forward and backward passes of the step that follows {@code done} steps: the gradients of
     * the token-mean loss of its global batch are left on the weights (nothing is updated).
     */
    public Accumulated accumulate(int done) {
        Engine.getInstance().setRandomSeed((int) (seed + done));
        List<Batch> micro = new ArrayList<>(accum);
        BatchPosition at = positionAfter(done);
        int lossTokens = 0;
        for (int i = 0; i < accum; i++) {
            Batch b = batcher.batch(at);
            micro.add(b);
            lossTokens += TokenLoss.count(b.labels());
            at = at.next(batcher.batchesPerEpoch());
        }
        double lossSum = 0;
        double correct = 0;
        long tokens = 0;
        for (int i = 0; i < micro.size(); i++) {
            Batch b = micro.get(i);
            tokens += b.tokens();
            if (lossTokens == 0) {
                continue;
            }
            TrainableModel replica = replicas.forMicroBatch(i);
            try (NDManager m = replica.parameters().manager().newSubManager();
                 GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList inputs = replica.inputs(b, m);
                NDArray logits = replica.logits(inputs);
                TokenLoss.Parts parts = TokenLoss.of(logits, b.labels());
                gc.backward(parts.sum().div(lossTokens));
                lossSum += parts.sum().getFloat();
                correct += parts.correct().getFloat();
            }
        }
        replicas.reduceGradients();
        return new Accumulated(lossSum, correct, lossTokens, tokens);
    }

    /**
     * What the passes of one step summed.
     *
     * @param lossSum summed loss over the scored tokens
     * @param correct scored tokens predicted right
     * @param lossTokens scored tokens
     * @param tokens input tokens (padding excluded)
     */
    public record Accumulated(double lossSum, double correct, int lossTokens, long tokens) {
    }

    /**
     * Runs the optimizer step that follows {@code done} steps.
     *
     * @throws TrainingDiverged when the loss or the gradient norm is not finite (the weights are not updated)
     */
    public StepResult step(int done) {
        Accumulated a = accumulate(done);
        double lr = reportedLr() * schedule.factor(done);
        if (a.lossTokens() == 0) {
            // Nothing scored in this global batch: no gradient, so no update (the step still counts).
            return new StepResult(0, 0, 0, a.tokens(), 0, lr);
        }
        double loss = a.lossSum() / a.lossTokens();
        double norm = GradNorm.of(model.parameters(), optimizer.names());
        if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
            throw new TrainingDiverged("step " + (done + 1) + ": loss " + loss + ", gradient norm " + norm
                    + ": training diverged; the weights of the last checkpoint are kept (lower train.lr or check the data)");
        }
        optimizer.step(schedule.factor(done), GradNorm.clipFactor(norm, maxGradNorm));
        replicas.broadcastWeights();
        return new StepResult(loss, a.correct() / a.lossTokens(), a.lossTokens(), a.tokens(), norm, lr);
    }

    /** The peak rate of the LLM's group (the model's main rate), else of the first group. */
    private double reportedLr() {
        for (var g : optimizer.groups()) {
            if (g.name().equals("llm")) {
                return g.lr();
            }
        }
        return optimizer.groups().isEmpty() ? 0 : optimizer.groups().get(0).lr();
    }

    /**
     * The token-mean loss and accuracy over every batch of {@code eval}, without gradients.
     *
     * @return {@code [loss, accuracy, scored tokens]}
     */
    public static double[] evaluate(TrainableModel model, Batcher eval) {
        double sum = 0;
        double correct = 0;
        long count = 0;
        for (int i = 0; i < eval.batchesPerEpoch(); i++) {
            Batch b = eval.batch(new BatchPosition(0, i));
            try (NDManager m = model.parameters().manager().newSubManager()) {
                TokenLoss.Parts parts = TokenLoss.of(model.logits(model.inputs(b, m)), b.labels());
                sum += parts.sum().getFloat();
                correct += parts.correct().getFloat();
                count += TokenLoss.count(b.labels());
            }
        }
        return new double[] {count == 0 ? Double.NaN : sum / count, count == 0 ? Double.NaN : correct / count, count};
    }
}
