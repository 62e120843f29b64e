package dev.cota.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.data.batch.BatchConfig;
import dev.cota.data.batch.Batcher;
import dev.cota.data.encode.EncodedSample;
import dev.cota.model.checkpoint.Checkpoint;
import dev.cota.model.config.DecoderConfig;
import dev.cota.model.config.ModelPresets;
import dev.cota.model.lm.DecoderLM;
import dev.cota.model.nn.Parameters;
import dev.cota.sft.model.LmModel;
import dev.cota.sft.optim.AdamW;
import dev.cota.sft.optim.ParamGroup;
import dev.cota.sft.optim.Schedule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-parallel training equals single-device training on the same global batch: checked on the
 * CPU with two replicas (the same code deals micro-batches to GPUs on a GPU machine).
 */
class DataParallelTest {

    @Test
    void twoReplicasGiveTheSingleDeviceGradientAndUpdate(@TempDir Path dir) throws Exception {
        DecoderConfig config = (DecoderConfig) ModelPresets.load(Fixtures.preset(dir), List.of("vocab_size=40"));
        Random r = new Random(11);
        List<EncodedSample> samples = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            int len = 5 + 2 * s;
            int[] ids = new int[len];
            int[] mask = new int[len];
            for (int i = 0; i < len; i++) {
                ids[i] = 1 + r.nextInt(39);
                mask[i] = i > len / 3 ? 1 : 0;
            }
            samples.add(new EncodedSample("s" + s, ids, mask, List.of()));
        }
        float[][] single = train(config, samples, 1);
        float[][] parallel = train(config, samples, 2);
        assertEquals(single[0][0], parallel[0][0], 1e-6 * Math.abs(single[0][0]), "loss of the global batch");
        for (int i = 0; i < single[1].length; i++) {
            assertEquals(single[1][i], parallel[1][i], 1e-6, "weight " + i + " after two steps");
        }
    }

    /** Two steps (4 micro-batches of 2 each); returns {loss of step 1, a weight after step 2}. */
    private static float[][] train(DecoderConfig config, List<EncodedSample> samples, int replicas) throws Exception {
        try (NDManager root = NDManager.newBaseManager(Device.cpu()); DecoderLM lm = DecoderLM.init(config, 9, root)) {
            LmModel model = new LmModel(lm);
            Parameters params = model.parameters();
            params.attachGradients();
            List<Device> devices = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                devices.add(Device.cpu());
            }
            Batcher batcher = new Batcher(samples, new BatchConfig(2, 64, false, 0, 0, 0L, false));
            try (Replicas reps = new Replicas(model, devices, m -> new LmModel(DecoderLM.init(config, 123, m)));
                 AdamW opt = new AdamW(params, List.of(new ParamGroup("llm", 1e-2, params.trainable())), 0.9, 0.999, 1e-8, 0)) {
                SftTrainer trainer = new SftTrainer(reps, opt, batcher, Schedule.of(Schedule.Kind.CONSTANT, 0, 2, 0), 4, 1.0, 0);
                StepResult first = trainer.step(0);
                trainer.step(1);
                return new float[][] {{(float) first.loss()}, params.get("model.layers.0.mlp.down_proj.weight").toFloatArray()};
            }
        }
    }

    @Test
    void aRunWithTwoCpuReplicasMatchesOneReplica(@TempDir Path dir) throws Exception {
        Path config = Fixtures.config(dir, """
                max-steps: 2
                grad-accum: 2
                lr: 5.0e-3
                device: cpu
                """);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Map<String, Object> one = new SftRun(config, List.of(), dir.resolve("one"), quiet).run(false);
        Map<String, Object> two = new SftRun(config, List.of("train.replicas=2"), dir.resolve("two"), quiet).run(false);
        assertEquals(1, one.get("replicas"));
        assertEquals(2, two.get("replicas"));
        List<JsonNode> a = SftRunTest.metrics(dir.resolve("one"));
        List<JsonNode> b = SftRunTest.metrics(dir.resolve("two"));
        for (int i = 0; i < 2; i++) {
            double la = a.get(i).get("loss").asDouble();
            assertEquals(la, b.get(i).get("loss").asDouble(), 1e-5 * la, "step " + (i + 1));
        }
        try (Checkpoint x = Checkpoint.open(dir.resolve("one/final")); Checkpoint y = Checkpoint.open(dir.resolve("two/final"))) {
            float[] wx = x.tensors().tensor("model.norm.weight").toFloats();
            float[] wy = y.tensors().tensor("model.norm.weight").toFloats();
            for (int i = 0; i < wx.length; i++) {
                assertEquals(wx[i], wy[i], 1e-5, "final weight " + i);
            }
            assertTrue(wx[0] != 1f, "the weights were updated");
        }
    }
}
