package dev.cota.dpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end DPO runs on the bundled Insight-V pairs: the step-0 identity, learning, the reference cache. */
class DpoRunTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @Test
    void atStepZeroThePolicyIsItsReference(@TempDir Path dir) throws IOException {
        Path config = DpoFixtures.config(dir, """
                max-steps: 2
                grad-accum: 2
                lr: 1.0e-3
                device: cpu
                """, "");
        Map<String, Object> summary = new DpoRun(config, List.of(), dir.resolve("run"), QUIET).run(false);
        assertEquals(10, summary.get("pairs"));
        JsonNode first = metrics(dir.resolve("run")).get(0);
        assertEquals(Math.log(2), first.get("loss").asDouble(), 1e-6);
        assertEquals(0.0, first.get("rewards/chosen").asDouble());
        assertEquals(0.0, first.get("rewards/rejected").asDouble());
        assertEquals(0.0, first.get("rewards/margins").asDouble());
        assertEquals(0.0, first.get("rewards/accuracies").asDouble());
        assertTrue(first.get("logps/chosen").asDouble() < 0);
        for (String key : List.of("step", "epoch", "loss", "rewards/chosen", "rewards/rejected", "rewards/accuracies",
                "rewards/margins", "logps/chosen", "logps/rejected", "grad_norm", "lr")) {
            assertTrue(first.has(key), key);
        }
        assertTrue(Files.isRegularFile(dir.resolve("run/final/model.safetensors")));
        assertTrue(Files.isRegularFile(dir.resolve("run/provenance.json")));
        assertTrue(Files.isRegularFile(dir.resolve("run/checkpoints/step-2/trainer_state.json")));
    }

    @Test
    void aVlmPolicyAndItsReferenceSeeThePairsImages(@TempDir Path dir) throws IOException {
        Path config = DpoFixtures.config(dir, """
                max-steps: 2
                lr: 1.0e-2
                device: cpu
                """, "");
        Path vlm = Path.of("../../configs/models/tiny-vlm.yaml").toAbsolutePath().normalize();
        List<String> sets = List.of("model.init=" + vlm, "encode.max-length=2048", "batch.max-length=2048");
        Map<String, Object> summary = new DpoRun(config, sets, dir.resolve("run"), QUIET).run(false);
        assertEquals(10, summary.get("pairs"));
        JsonNode first = metrics(dir.resolve("run")).get(0);
        assertEquals(Math.log(2), first.get("loss").asDouble(), 1e-6, "the reference pass saw the same images");
        // A VLM batch with images and no pixel source fails; this run got through both passes, and
        // each pair's <image> expanded to the tower's 16 features: 2 steps of one pair, 4 sequences.
        assertTrue(((Number) summary.get("num_tokens")).longValue() > 4 * 16, summary.get("num_tokens").toString());
    }

    @Test
    void aFewStepsSeparateChosenFromRejected(@TempDir Path dir) throws IOException {
        // 5 pairs per micro-batch, 2 micro-batches: each step's metrics cover all 10 training pairs
        Path config = DpoFixtures.config(dir, """
                max-steps: 12
                grad-accum: 2
                lr: 1.0e-2
                schedule: constant
                warmup-ratio: 0
                device: cpu
                """, "dpo: {beta: 0.1, loss: sigmoid, sft-weight: 0.1}");
        new DpoRun(config, List.of("batch.batch-size=5"), dir.resolve("run"), QUIET).run(false);
        List<JsonNode> lines = metrics(dir.resolve("run"));
        JsonNode last = lines.get(lines.size() - 1);
        assertEquals(12, last.get("step").asInt());
        assertTrue(last.get("rewards/margins").asDouble() > 0, "margin " + last.get("rewards/margins"));
        assertTrue(last.get("rewards/accuracies").asDouble() > 0.5, "accuracy " + last.get("rewards/accuracies"));
        assertTrue(last.get("loss").asDouble() < lines.get(0).get("loss").asDouble());
        assertTrue(last.has("nll_loss"));
    }

    @Test
    void theReferenceCacheIsReusedAndInvalidated(@TempDir Path dir) throws IOException {
        Path config = DpoFixtures.config(dir, """
                max-steps: 1
                device: cpu
                """, "dpo: {reference-cache: cache}");
        Map<String, Object> a = new DpoRun(config, List.of(), dir.resolve("a"), QUIET).run(false);
        Map<String, Object> b = new DpoRun(config, List.of(), dir.resolve("b"), QUIET).run(false);
        assertEquals("computed", reference(a).get("cache"));
        assertEquals("hit", reference(b).get("cache"));
        assertEquals(reference(a).get("file"), reference(b).get("file"));
        assertEquals(metrics(dir.resolve("a")).get(0).get("loss"), metrics(dir.resolve("b")).get(0).get("loss"));

        Path fewer = dir.resolve("fewer.yaml");
        Files.writeString(fewer, Files.readString(config).replace("- path: " + DpoFixtures.INSIGHT_V,
                "- path: " + DpoFixtures.INSIGHT_V + "\n      max-samples: 9"));
        Map<String, Object> lessData = new DpoRun(fewer, List.of(), dir.resolve("c"), QUIET).run(false);
        assertEquals(9, lessData.get("pairs"));
        assertEquals("computed", reference(lessData).get("cache"));
        Map<String, Object> otherReference = new DpoRun(config, List.of("reference.init=model.yaml", "reference.seed=7"),
                dir.resolve("d"), QUIET).run(false);
        assertEquals("computed", reference(otherReference).get("cache"));
        // a reference other than the policy: the first step is no longer the identity
        assertTrue(Math.abs(metrics(dir.resolve("d")).get(0).get("rewards/margins").asDouble()) > 0);
        try (var files = Files.list(dir.resolve("cache"))) {
            assertEquals(3, files.count());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reference(Map<String, Object> summary) {
        return (Map<String, Object>) summary.get("reference");
    }

    static List<JsonNode> metrics(Path run) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            out.add(Json.mapper().readTree(line));
        }
        return out;
    }
}
