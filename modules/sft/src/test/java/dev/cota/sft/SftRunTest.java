package dev.cota.sft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.config.ConfigException;
import dev.cota.core.json.Json;
import dev.cota.model.checkpoint.Checkpoint;
import dev.cota.model.config.DecoderConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end fine-tuning runs on the bundled samples: learning, exact resume, crash safety, config errors. */
class SftRunTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    private static final String SHORT = """
            max-steps: 6
            lr: 5.0e-3
            warmup-ratio: 0.2
            weight-decay: 0.01
            device: cpu
            seed: 3
            save-every: 2
            keep-last: 2
            """;

    @Test
    void aTinyModelOverfitsSixteenTraces(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("overfit.yaml");
        Files.writeString(config, """
                model:
                  init: %s
                  train-tokenizer: 320
                data:
                  train:
                    - path: %s
                      max-samples: 16
                encode: {codec: taco-json, template: chatml, max-length: 1024, image-tokens: 1}
                batch: {batch-size: 8, max-length: 1024}
                train:
                  max-steps: 150
                  lr: 1.0e-2
                  schedule: constant
                  warmup-ratio: 0.05
                  device: cpu
                """.formatted(Path.of("../../configs/models/tiny.yaml").toAbsolutePath().normalize(), Fixtures.COTA));
        double[] first = {Double.NaN};
        Map<String, Object> summary = new SftRun(config, List.of(), dir.resolve("run"), QUIET).stopAfter((step, r) -> {
            if (step == 1) {
                first[0] = r.loss();
            }
            return r.loss() < 0.05 * first[0];
        }).run(false);
        assertEquals(16, summary.get("train_samples"));
        List<JsonNode> lines = metrics(dir.resolve("run"));
        double start = lines.get(0).get("loss").asDouble();
        double end = lines.get(lines.size() - 1).get("loss").asDouble();
        assertTrue(start > 5, "a random model starts near ln(vocab): " + start);
        assertTrue(end < 0.05 * start, "training loss fell from " + start + " to " + end + " in " + lines.size() + " steps");
    }

    @Test
    void aResumedRunRepeatsTheUninterruptedOneBitForBit(@TempDir Path dir) throws IOException {
        Path config = Fixtures.config(dir, SHORT);
        Path straight = dir.resolve("straight");
        Path resumed = dir.resolve("resumed");
        new SftRun(config, List.of(), straight, QUIET).run(false);
        Map<String, Object> stopped = new SftRun(config, List.of(), resumed, QUIET).stopAfter((s, r) -> s == 3).run(false);
        assertEquals(true, stopped.get("stopped"));
        assertFalse(Files.exists(resumed.resolve("final")), "a stopped run has no final model");
        assertEquals(List.of("step-2"), names(resumed.resolve("checkpoints")));
        new SftRun(config, List.of(), resumed, QUIET).run(true);

        List<JsonNode> a = metrics(straight);
        List<JsonNode> b = metrics(resumed);
        assertEquals(6, a.size());
        assertEquals(6, b.size(), "the resumed run re-logs step 3 once, not twice");
        for (int i = 0; i < 6; i++) {
            for (String key : List.of("step", "loss", "grad_norm", "lr", "num_tokens", "mean_token_accuracy", "epoch")) {
                assertEquals(a.get(i).get(key).asDouble(), b.get(i).get(key).asDouble(), 0.0, "step " + (i + 1) + " " + key);
            }
        }
        assertArrayEquals(Files.readAllBytes(straight.resolve("final/model.safetensors")),
                Files.readAllBytes(resumed.resolve("final/model.safetensors")));
        assertEquals(List.of("step-4", "step-6"), names(resumed.resolve("checkpoints")), "keep-last 2");
    }

    @Test
    void aProcessKilledMidSaveLeavesThePreviousCheckpointResumable(@TempDir Path dir) throws Exception {
        Path config = Fixtures.config(dir, SHORT);
        Path straight = dir.resolve("straight");
        new SftRun(config, List.of(), straight, QUIET).run(false);

        Path killed = dir.resolve("killed");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Dcota.sft.haltInSave=4", "-cp", System.getProperty("java.class.path"),
                SftMain.class.getName(), config.toString(), killed.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the child run ends");
        assertEquals(137, p.exitValue(), Files.readString(dir.resolve("child.log")));
        List<String> left = names(killed.resolve("checkpoints"));
        assertEquals(2, left.size(), "step-2 and the half-written step-4: " + left);
        assertTrue(left.get(1).startsWith("step-4.tmp-"), left.toString());
        assertFalse(Files.exists(killed.resolve("checkpoints").resolve(left.get(1)).resolve("trainer_state.json")));

        new SftRun(config, List.of(), killed, QUIET).run(true);
        assertEquals(List.of("step-4", "step-6"), names(killed.resolve("checkpoints")), "the torn directory is gone");
        assertArrayEquals(Files.readAllBytes(straight.resolve("final/model.safetensors")),
                Files.readAllBytes(killed.resolve("final/model.safetensors")));
    }

    @Test
    void theRunDirectoryHoldsWhatTheIssueNames(@TempDir Path dir) throws IOException {
        Path config = Fixtures.config(dir, SHORT);
        Path run = dir.resolve("run");
        Map<String, Object> summary = new SftRun(config, List.of("train.max-steps=2", "train.log-every=1"), run, QUIET)
                .run(false);
        assertEquals(2, summary.get("steps"));
        for (String f : List.of("config.yaml", "provenance.json", "metrics.jsonl", "final/config.json",
                "final/model.safetensors", "final/tokenizer.json", "checkpoints/step-2/model/model.safetensors",
                "checkpoints/step-2/model/tokenizer.json", "checkpoints/step-2/optimizer.safetensors",
                "checkpoints/step-2/trainer_state.json", "checkpoints/step-2/config.yaml")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        JsonNode line = metrics(run).get(0);
        for (String key : List.of("step", "loss", "lr", "grad_norm", "num_tokens", "mean_token_accuracy", "tokens_per_s",
                "step_time_s")) {
            assertTrue(line.has(key), key);
        }
        assertEquals(2, Json.yaml().readTree(run.resolve("config.yaml").toFile()).path("train").path("max-steps").asInt(),
                "config.yaml is the resolved config, --set applied");
        try (Checkpoint c = Checkpoint.open(run.resolve("final"))) {
            assertEquals(320, ((DecoderConfig) c.config()).vocabSize(), "vocab_size follows the trained tokenizer");
        }
        JsonNode state = Json.mapper().readTree(run.resolve("checkpoints/step-2/trainer_state.json").toFile());
        assertEquals(2, state.get("step").asInt());
        assertEquals(2, state.get("total_steps").asInt());
    }

    @Test
    void loraTrainsOnlyTheAdapterAndMergesItIntoTheFinalModel(@TempDir Path dir) throws IOException {
        Path config = Fixtures.config(dir, SHORT);
        Path run = dir.resolve("run");
        Map<String, Object> summary = new SftRun(config, List.of("train.max-steps=2", "lora.r=4"), run, QUIET).run(false);
        long all = ((Number) summary.get("parameters")).longValue();
        long trainable = ((Number) summary.get("trainable_parameters")).longValue();
        assertTrue(trainable > 0 && trainable < all / 2, trainable + " of " + all);
        assertTrue(Files.isRegularFile(run.resolve("checkpoints/step-2/adapter/adapter_model.safetensors")));
        assertTrue(Files.isRegularFile(run.resolve("final/adapter/adapter_config.json")));
        try (Checkpoint c = Checkpoint.open(run.resolve("final"))) {
            assertFalse(c.tensors().names().stream().anyMatch(n -> n.contains("lora_")),
                    "final/ is a plain model with the adapter merged");
        }
    }

    @Test
    void aVlmTrainsItsProjectorAndLlmOnImagesWithTheVisionTowerFrozen(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("vlm.yaml");
        Files.writeString(config, """
                model:
                  init: %s
                  train-tokenizer: 320
                data:
                  train:
                    - path: %s
                      max-samples: 4
                encode: {codec: taco-json, template: chatml, max-length: 2048}
                batch: {batch-size: 2, max-length: 2048}
                train:
                  max-steps: 2
                  lr: 1.0e-3
                  projector-lr: 5.0e-3
                  freeze: [vision]
                  device: cpu
                """.formatted(Path.of("../../configs/models/tiny-vlm.yaml").toAbsolutePath().normalize(), Fixtures.MANTIS));
        Path run = dir.resolve("run");
        Map<String, Object> summary = new SftRun(config, List.of(), run, QUIET).run(false);
        assertEquals(4, summary.get("train_samples"));
        try (Checkpoint before = Checkpoint.open(run.resolve("checkpoints/step-2/model"));
             Checkpoint after = Checkpoint.open(run.resolve("final"))) {
            assertTrue(before.tensors().names().stream().anyMatch(n -> n.startsWith("vision_tower.")));
        }
        // The from-scratch weights are the seed's; compare the trained model with a fresh init of the same seed.
        Path fresh = dir.resolve("fresh");
        new SftRun(config, List.of("train.lr=1.0e-12", "train.projector-lr=1.0e-12", "train.max-steps=1"), fresh, QUIET)
                .run(false);
        try (Checkpoint a = Checkpoint.open(fresh.resolve("final")); Checkpoint b = Checkpoint.open(run.resolve("final"))) {
            String vision = "vision_tower.vision_model.encoder.layers.0.self_attn.q_proj.weight";
            String projector = "multi_modal_projector.linear_1.weight";
            assertArrayEquals(a.tensors().tensor(vision).toFloats(), b.tensors().tensor(vision).toFloats(), "frozen tower");
            float[] pa = a.tensors().tensor(projector).toFloats();
            float[] pb = b.tensors().tensor(projector).toFloats();
            double moved = 0;
            for (int i = 0; i < pa.length; i++) {
                moved = Math.max(moved, Math.abs(pa[i] - pb[i]));
            }
            assertTrue(moved > 1e-3, "the projector learned from the images' features: max change " + moved);
        }
    }

    @Test
    void configErrorsFailBeforeAnyWork(@TempDir Path dir) throws IOException {
        Path config = Fixtures.config(dir, SHORT);
        Path run = dir.resolve("run");
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> new SftRun(config, List.of("train.lrr=1"), run, QUIET).run(false));
        assertTrue(unknown.getMessage().contains("unknown config key 'train.lrr'"), unknown.getMessage());
        ConfigException lr = assertThrows(ConfigException.class,
                () -> new SftRun(config, List.of("train.lr=0"), run, QUIET).run(false));
        assertTrue(lr.getMessage().contains("train.lr must be > 0"), lr.getMessage());
        Path missing = dir.resolve("missing.yaml");
        Files.writeString(missing, Files.readString(config).replace(Fixtures.COTA.toString(), "nowhere.jsonl"));
        ConfigException data = assertThrows(ConfigException.class,
                () -> new SftRun(missing, List.of(), run, QUIET).run(false));
        assertTrue(data.getMessage().contains("data.train[0].path") && data.getMessage().contains("does not exist"),
                data.getMessage());
        for (ConfigException e : List.of(unknown, lr, data)) {
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
        assertFalse(Files.exists(run), "nothing was written");
    }

    static List<JsonNode> metrics(Path run) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode n = Json.mapper().readTree(line);
            if (n.has("loss")) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
