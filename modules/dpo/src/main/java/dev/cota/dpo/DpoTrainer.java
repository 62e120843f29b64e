package dev.cota.dpo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.cota.data.batch.BatchPosition;
import dev.cota.data.batch.Batcher;
import dev.cota.dpo.data.EncodedPair;
import dev.cota.dpo.loss.DpoLoss;
import dev.cota.dpo.loss.SequenceLogps;
import dev.cota.dpo.reference.ReferenceLogps;
import dev.cota.sft.TrainingDiverged;
import dev.cota.sft.model.TrainableModel;
import dev.cota.sft.optim.AdamW;
import dev.cota.sft.optim.GradNorm;
import dev.cota.sft.optim.Schedule;
import java.util.ArrayList;
import java.util.List;

/**
 * The DPO step: the forward and backward passes of a global batch of pairs (gradient accumulation
 * over micro-batches, exact: the preference loss is divided by the global batch's pair count and
 * the NLL term by its chosen-token count), global-norm clipping and one AdamW update. Batches are
 * planned over the pairs by a {@link Batcher} (shuffle by seed and epoch), so a resumed run sees
 * the same pairs in the same order.
 */
public final class DpoTrainer {

    private final TrainableModel model;
    private final AdamW optimizer;
    private final Batcher batcher;
    private final List<EncodedPair> pairs;
    private final ReferenceLogps reference;
    private final DpoLoss loss;
    private final double sftWeight;
    private final Schedule schedule;
    private final int accum;
    private final double maxGradNorm;
    private final long seed;
    private final int padId;

    /**
     * @param batcher plans the batches over the chosen sides of {@code pairs} (index i is pair i)
     * @param reference the reference log-probs of {@code pairs}, in the same order
     */
    public DpoTrainer(TrainableModel model, AdamW optimizer, Batcher batcher, List<EncodedPair> pairs,
                      ReferenceLogps reference, DpoLoss loss, double sftWeight, Schedule schedule, int accum,
                      double maxGradNorm, long seed) {
        if (reference.size() != pairs.size()) {
            throw new IllegalArgumentException(pairs.size() + " pairs but " + reference.size() + " reference log-probs");
        }
        this.model = model;
        this.optimizer = optimizer;
        this.batcher = batcher;
        this.pairs = List.copyOf(pairs);
        this.reference = reference;
        this.loss = loss;
        this.sftWeight = sftWeight;
        this.schedule = schedule;
        this.accum = accum;
        this.maxGradNorm = maxGradNorm;
        this.seed = seed;
        this.padId = batcher.config().padId();
    }

    /** The data position of the first micro-batch of the step after {@code step} steps. */
    public BatchPosition positionAfter(int step) {
        long index = (long) step * accum;
        int per = batcher.batchesPerEpoch();
        return new BatchPosition(Math.toIntExact(index / per), Math.toIntExact(index % per));
    }

    /** Epochs of pairs consumed after {@code step} steps. */
    public double epochsAfter(int step) {
        return (double) step * accum / batcher.batchesPerEpoch();
    }

    /**
     * Runs the optimizer step that follows {@code done} steps.
     *
     * @throws TrainingDiverged when the loss or the gradient norm is not finite (the weights are not updated)
     */
    public DpoStepResult step(int done) {
        Engine.getInstance().setRandomSeed((int) (seed + done));
        List<List<EncodedPair>> micro = new ArrayList<>(accum);
        List<int[]> indices = new ArrayList<>(accum);
        BatchPosition at = positionAfter(done);
        int total = 0;
        long chosenTokens = 0;
        long tokens = 0;
        for (int i = 0; i < accum; i++) {
            int[][] rows = batcher.rowsAt(at);
            int[] idx = new int[rows.length];
            List<EncodedPair> part = new ArrayList<>(rows.length);
            for (int r = 0; r < rows.length; r++) {
                idx[r] = rows[r][0];
                EncodedPair p = pairs.get(idx[r]);
                part.add(p);
                chosenTokens += p.chosen().lossTokens();
                tokens += p.chosen().length() + p.rejected().length();
            }
            micro.add(part);
            indices.add(idx);
            total += part.size();
            at = at.next(batcher.batchesPerEpoch());
        }
        double[] sums = new double[7];
        for (int i = 0; i < accum; i++) {
            pass(micro.get(i), indices.get(i), total, chosenTokens, sums);
        }
        double lr = optimizer.groups().isEmpty() ? 0 : optimizer.groups().get(0).lr() * schedule.factor(done);
        double nll = sftWeight > 0 ? sums[1] / chosenTokens : 0;
        double objective = sums[0] / total + sftWeight * nll;
        double norm = GradNorm.of(model.parameters(), optimizer.names());
        if (!Double.isFinite(objective) || !Double.isFinite(norm)) {
            throw new TrainingDiverged("step " + (done + 1) + ": loss " + objective + ", gradient norm " + norm
                    + ": training diverged; the weights of the last checkpoint are kept (lower train.lr or check the data)");
        }
        optimizer.step(schedule.factor(done), GradNorm.clipFactor(norm, maxGradNorm));
        return new DpoStepResult(objective, nll, sums[2] / total, sums[3] / total, sums[4] / total, sums[5] / total,
                sums[6] / total, total, tokens, norm, lr);
    }

    /**
     * One micro-batch's forward and backward pass; adds to {@code sums}: preference-loss sum, NLL
     * sum, chosen and rejected reward sums, correct pairs, chosen and rejected log-prob sums.
     */
    private void pass(List<EncodedPair> part, int[] idx, int total, long chosenTokens, double[] sums) {
        int n = part.size();
        try (NDManager m = model.parameters().manager().newSubManager();
             GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            SequenceLogps s = PairForward.of(model, part, padId, m);
            float[] rc = new float[n];
            float[] rr = new float[n];
            for (int r = 0; r < n; r++) {
                rc[r] = reference.chosen()[idx[r]];
                rr[r] = reference.rejected()[idx[r]];
            }
            NDArray ref = m.create(concat(rc, rr));
            NDArray policy = s.sums();
            if (loss.type().lengthNormalized()) {
                policy = s.means();
                ref = SequenceLogps.perToken(ref, s.tokens());
            }
            NDArray pc = policy.get("0:" + n);
            NDArray pr = policy.get(n + ":");
            DpoLoss.Out out = loss.of(pc, pr, ref.get("0:" + n), ref.get(n + ":"));
            NDArray objective = out.losses().sum().div(total);
            NDArray nll = s.sums().get("0:" + n).sum().neg();
            if (sftWeight > 0) {
                objective = objective.add(nll.mul(sftWeight / chosenTokens));
            }
            gc.backward(objective);
            sums[0] += out.losses().sum().getFloat();
            sums[1] += nll.getFloat();
            sums[2] += out.chosenRewards().sum().getFloat();
            sums[3] += out.rejectedRewards().sum().getFloat();
            sums[4] += out.chosenRewards().gt(out.rejectedRewards()).sum().getLong();
            sums[5] += pc.sum().getFloat();
            sums[6] += pr.sum().getFloat();
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
