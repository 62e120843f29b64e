package dev.cota.sft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step whose loss is NaN stops training before any weight changes. */
class DivergenceTest {

    @Test
    void aNanLossStopsTheStepWithoutUpdating(@TempDir Path dir) throws Exception {
        DecoderConfig config = (DecoderConfig) ModelPresets.load(Fixtures.preset(dir), List.of("vocab_size=40"));
        try (NDManager root = NDManager.newBaseManager("PyTorch"); DecoderLM lm = DecoderLM.init(config, 1, root)) {
            LmModel model = new LmModel(lm);
            Parameters params = model.parameters();
            String norm = "model.norm.weight";
            float[] nan = new float[32];
            java.util.Arrays.fill(nan, Float.NaN);
            params.put(norm, params.manager().create(nan));
            params.attachGradients();
            String probe = "model.layers.0.mlp.up_proj.weight";
            float[] before = params.get(probe).toFloatArray();
            List<EncodedSample> samples = List.of(new EncodedSample("a", new int[] {1, 2, 3, 4}, new int[] {0, 1, 1, 1}, List.of()));
            Batcher batcher = new Batcher(samples, new BatchConfig(1, 8, false, 0, 0, 0L, false));
            try (AdamW opt = new AdamW(params, List.of(new ParamGroup("llm", 1e-2, params.trainable())), 0.9, 0.999, 1e-8, 0)) {
                SftTrainer trainer = new SftTrainer(model, opt, batcher, Schedule.of(Schedule.Kind.CONSTANT, 0, 1, 0), 1, 1.0, 0);
                TrainingDiverged e = assertThrows(TrainingDiverged.class, () -> trainer.step(0));
                assertTrue(e.getMessage().startsWith("step 1: loss NaN"), e.getMessage());
                assertArrayEquals(before, params.get(probe).toFloatArray(), "no update was made");
            }
        }
    }
}
