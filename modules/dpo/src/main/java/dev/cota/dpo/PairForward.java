package dev.cota.dpo;

import ai.djl.ndarray.NDManager;
import dev.cota.data.batch.Batch;
import dev.cota.data.batch.Batches;
import dev.cota.data.encode.EncodedSample;
import dev.cota.dpo.data.EncodedPair;
import dev.cota.dpo.loss.SequenceLogps;
import dev.cota.sft.model.TrainableModel;
import java.util.ArrayList;
import java.util.List;

/**
 * One forward pass over a batch of pairs, as TRL's {@code concatenated_forward}: the chosen sides,
 * then the rejected sides, right-padded into one batch, and the completion log-prob of each row.
 * The policy (in training) and the reference (in its cached pass) go through this same code, so a
 * policy equal to its reference gets bit-identical log-probs on a batch of the same pairs.
 */
public final class PairForward {

    private PairForward() {
    }

    /** The log-probs of {@code pairs}: rows {@code 0..n-1} chosen, {@code n..2n-1} rejected; arrays on {@code m}. */
    public static SequenceLogps of(TrainableModel model, List<EncodedPair> pairs, int padId, NDManager m) {
        List<EncodedSample> rows = new ArrayList<>(2 * pairs.size());
        pairs.forEach(p -> rows.add(p.chosen()));
        pairs.forEach(p -> rows.add(p.rejected()));
        Batch b = Batches.pad(rows, padId, 0);
        return SequenceLogps.of(model.logits(model.inputs(b, m)), b.labels());
    }
}
