package dev.cota.sft.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.cota.data.batch.Batch;
import dev.cota.data.batch.Batches;
import dev.cota.data.encode.EncodedSample;
import dev.cota.model.config.DecoderConfig;
import dev.cota.model.config.ModelPresets;
import dev.cota.sft.Fixtures;
import dev.cota.model.lm.DecoderLM;
import dev.cota.sft.model.LmModel;
import java.util.List;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The masked loss: what is scored, what gets a gradient, and what cannot change it. */
class TokenLossTest {

    private static final int I = Batch.IGNORE;

    @Test
    void targetsAreTheNextLabelsAndCountOnlyScoredOnes() {
        TokenLoss.Targets t = TokenLoss.targets(new int[][] {{I, I, 5, 6, I}, {I, 7, I, I, I}});
        assertEquals(3, t.count());
        assertEquals(5, t.targets()[0][1]);
        assertEquals(6, t.targets()[0][2]);
        assertEquals(0f, t.weights()[0][3], "position 3 predicts an ignored label");
        assertEquals(7, t.targets()[1][0]);
        assertEquals(0f, t.weights()[0][4], "the last position predicts nothing");
    }

    @Test
    void lossIsTheSumOfNegativeLogProbabilitiesOfTheTargets() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            float[] v = {0, 0, 0, 1, 2, 3, 5, 0, 0};   // [1, 3, 3]
            NDArray logits = m.create(v, new Shape(1, 3, 3));
            TokenLoss.Parts p = TokenLoss.of(logits, new int[][] {{I, 2, 0}});
            double lse0 = Math.log(3);
            double lse1 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
            double expected = (lse0 - 0) + (lse1 - 1);   // position 0 -> 2 (logit 0), position 1 -> 0 (logit 1)
            assertEquals(expected, p.sum().getFloat(), 1e-5);
            assertEquals(0f, p.correct().getFloat(), "argmax is 0 at position 0 (ties: first), 2 at position 1");
        }
    }

    @Test
    void maskedPositionsGetExactlyZeroGradient() {
        int vocab = 11;
        int[][] labels = {{I, I, 3, 4, I, I, 9, I}, {I, 2, I, I, I, I, I, I}};
        Random r = new Random(1);
        float[] v = new float[2 * 8 * vocab];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray logits = m.create(v, new Shape(2, 8, vocab));
            logits.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(TokenLoss.of(logits, labels).sum());
            }
            float[] g = logits.getGradient().toFloatArray();
            TokenLoss.Targets t = TokenLoss.targets(labels);
            int scoredNonZero = 0;
            for (int row = 0; row < 2; row++) {
                for (int pos = 0; pos < 8; pos++) {
                    for (int k = 0; k < vocab; k++) {
                        float x = g[(row * 8 + pos) * vocab + k];
                        if (t.weights()[row][pos] == 0f) {
                            assertEquals(0f, x, "row " + row + " position " + pos + " is masked");
                        } else if (x != 0f) {
                            scoredNonZero++;
                        }
                    }
                }
            }
            assertEquals(4 * vocab, scoredNonZero, "every logit of a scored position has a gradient");
        }
    }

    @Test
    void rewritingAnObservationAfterTheLastAssistantTurnLeavesTheLossUnchanged(@TempDir Path dir) throws Exception {
        DecoderConfig config = (DecoderConfig) ModelPresets.load(Fixtures.preset(dir), List.of("vocab_size=40"));
        // user (0) | assistant (1) | observation (0): only the assistant tokens are scored.
        int[] mask = {0, 0, 0, 1, 1, 1, 1, 0, 0, 0};
        EncodedSample a = new EncodedSample("a", new int[] {1, 2, 3, 10, 11, 12, 13, 20, 21, 22}, mask, List.of());
        EncodedSample b = new EncodedSample("a", new int[] {1, 2, 3, 10, 11, 12, 13, 30, 31, 32}, mask, List.of());
        EncodedSample c = new EncodedSample("a", new int[] {1, 2, 5, 10, 11, 12, 13, 20, 21, 22}, mask, List.of());
        try (NDManager root = NDManager.newBaseManager("PyTorch"); DecoderLM lm = DecoderLM.init(config, 3, root)) {
            LmModel model = new LmModel(lm);
            float la = loss(model, a);
            assertEquals(la, loss(model, b), 0f, "tokens after the last scored one change nothing");
            assertNotEquals(la, loss(model, c), "a user token before the assistant turn is context, so it does");
        }
    }

    @Test
    void packedRowsScoreExactlyWhatPaddedRowsScore(@TempDir Path dir) throws Exception {
        DecoderConfig config = (DecoderConfig) ModelPresets.load(Fixtures.preset(dir), List.of("vocab_size=40"));
        List<EncodedSample> docs = List.of(
                new EncodedSample("a", new int[] {1, 2, 3, 10, 11}, new int[] {0, 0, 0, 1, 1}, List.of()),
                new EncodedSample("b", new int[] {4, 5, 12, 13, 14, 15}, new int[] {0, 0, 1, 1, 1, 1}, List.of()),
                new EncodedSample("c", new int[] {6, 16, 17}, new int[] {0, 1, 1}, List.of()));
        try (NDManager root = NDManager.newBaseManager("PyTorch"); DecoderLM lm = DecoderLM.init(config, 4, root)) {
            LmModel model = new LmModel(lm);
            Batch padded = Batches.pad(docs, 0, 0);
            Batch packed = Batches.pack(List.of(List.of(docs.get(0), docs.get(1)), List.of(docs.get(2))), 0, 0);
            assertEquals(TokenLoss.count(padded.labels()), TokenLoss.count(packed.labels()), "the same tokens are scored");
            try (NDManager m = root.newSubManager()) {
                float a = TokenLoss.of(model.logits(padded.toNDList(m)), padded.labels()).sum().getFloat();
                float b = TokenLoss.of(model.logits(packed.toNDList(m)), packed.labels()).sum().getFloat();
                assertEquals(a, b, 1e-4f * Math.abs(a), "block-diagonal attention and per-document positions");
            }
        }
    }

    private static float loss(LmModel model, EncodedSample s) {
        Batch batch = Batches.pad(List.of(s), 0, 0);
        try (NDManager m = model.parameters().manager().newSubManager()) {
            return TokenLoss.of(model.logits(batch.toNDList(m)), batch.labels()).sum().getFloat();
        }
    }
}
