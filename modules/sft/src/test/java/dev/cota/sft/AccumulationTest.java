package dev.cota.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.cota.data.batch.BatchConfig;
import dev.cota.data.batch.Batcher;
import dev.cota.data.encode.EncodedSample;
import dev.cota.model.config.DecoderConfig;
import dev.cota.model.config.ModelPresets;
import dev.cota.model.lm.DecoderLM;
import dev.cota.model.nn.Parameters;
import dev.cota.sft.model.LmModel;
import dev.cota.sft.optim.AdamW;
import dev.cota.sft.optim.ParamGroup;
import dev.cota.sft.optim.Schedule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gradient accumulation is exact: 4 micro-batches of 2 give the gradient of one batch of 8, because
 * each micro-batch's summed loss is divided by the scored tokens of the whole global batch (a
 * per-micro-batch mean would weight a short sample's tokens more).
 */
class AccumulationTest {

    @Test
    void fourMicroBatchesOfTwoEqualOneBatchOfEight(@TempDir Path dir) throws Exception {
        List<EncodedSample> samples = samples();
        Map<String, float[]> big = gradients(dir, samples, 8, 1);
        Map<String, float[]> accumulated = gradients(dir, samples, 2, 4);
        double maxAbs = 0;
        for (String name : big.keySet()) {
            float[] a = big.get(name);
            float[] b = accumulated.get(name);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-6 + 1e-4 * Math.abs(a[i]), name + "[" + i + "]");
                maxAbs = Math.max(maxAbs, Math.abs(a[i]));
            }
        }
        assertEquals(true, maxAbs > 1e-3, "the gradients are not all (near) zero");
    }

    /** Eight samples of different lengths and different numbers of scored tokens. */
    private static List<EncodedSample> samples() {
        Random r = new Random(7);
        List<EncodedSample> out = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            int len = 6 + 3 * s;
            int[] ids = new int[len];
            int[] mask = new int[len];
            for (int i = 0; i < len; i++) {
                ids[i] = 1 + r.nextInt(39);
                mask[i] = i >= len / (1 + s % 3) ? 1 : 0;
            }
            out.add(new EncodedSample("s" + s, ids, mask, List.of()));
        }
        return out;
    }

    private static Map<String, float[]> gradients(Path dir, List<EncodedSample> samples, int rows, int accum)
            throws Exception {
        DecoderConfig config = (DecoderConfig) ModelPresets.load(Fixtures.preset(dir), List.of("vocab_size=40"));
        try (NDManager root = NDManager.newBaseManager("PyTorch"); DecoderLM lm = DecoderLM.init(config, 5, root)) {
            LmModel model = new LmModel(lm);
            Parameters params = model.parameters();
            params.attachGradients();
            Batcher batcher = new Batcher(samples, new BatchConfig(rows, 64, false, 0, 0, 0L, false));
            try (AdamW opt = new AdamW(params, List.of(new ParamGroup("llm", 1e-3, params.trainable())), 0.9, 0.999, 1e-8, 0)) {
                SftTrainer trainer = new SftTrainer(model, opt, batcher, Schedule.of(Schedule.Kind.CONSTANT, 0, 1, 0), accum,
                        1.0, 0);
                SftTrainer.Accumulated a = trainer.accumulate(0);
                assertEquals(samples.stream().mapToInt(s -> {
                    int n = 0;
                    for (int i = 1; i < s.length(); i++) {
                        n += s.lossMask()[i];
                    }
                    return n;
                }).sum(), a.lossTokens(), "one step sees every sample once");
                Map<String, float[]> out = new LinkedHashMap<>();
                for (String name : params.trainable()) {
                    out.put(name, params.get(name).getGradient().toFloatArray());
                }
                return out;
            }
        }
    }
}
