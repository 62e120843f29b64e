package dev.cota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cota.core.json.JsonValues;
import dev.cota.data.tokenizer.BpeOptions;
import dev.cota.data.tokenizer.BpeTrainer;
import dev.cota.data.tokenizer.BpeVocab;
import dev.cota.data.tokenizer.TokenizerFiles;
import dev.cota.data.tokenizer.WordCounts;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cota synth --generator insight-v} in-process against a loopback OpenAI-style endpoint that
 * reasons well about the bakery question (judge {@code [1]}, score 90), reasons about the receipt but
 * gets a garbage judge reply, and answers everything else with prose (invalid JSON, 3 tries): the
 * counts, both datasets, a resume that adds nothing, and usage errors exiting 2.
 */
class SynthInsightVCommandTest {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static String reply(String request) {
        boolean bakery = request.contains("loaves");
        boolean receipt = request.contains("total amount due");
        if (request.contains("You are a helpful assistant.")) {
            return bakery ? "[1]" : receipt ? "Looks right to me." : "[0]";
        }
        if (request.contains("grading a step-by-step reasoning")) {
            return "The steps read the chart correctly.\nScore: 90";
        }
        if (!bakery && !receipt) {
            return "I cannot help with that.";
        }
        if (request.contains("Please provide the final answer")) {
            return JsonValues.toJson(Map.of("title", "FINAL ANSWER", "content", bakery ? "65" : "10.64"));
        }
        boolean second = request.contains("Please continue provide");
        return "{\"title\": \"" + (second ? "Compute" : "Read the image") + "\", \"content\": \""
                + (second ? "The difference is the answer." : "I read the numbers.") + "\", \"next_action\": \""
                + (second ? "final_answer" : "continue") + "\"}";
    }

    @Test
    @SuppressWarnings("unchecked")
    void insightVPipelineRunsAgainstAnOpenAiEndpointAndResumes() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> message = Map.of("role", "assistant", "content", reply(request));
            byte[] body = JsonValues.toJson(Map.of("id", "c", "choices", List.of(Map.of("index", 0, "message", message,
                    "finish_reason", "stop")))).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        try {
            String spec = "openai:fake@http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            Path out = dir.resolve("out");
            String[] args = {"synth", "--generator", "insight-v", "--config",
                    REPO.resolve("configs/synth/insight-v.yaml").toString(), "--set",
                    "source=" + REPO.resolve("datasets/samples/llava/llava_instruct.json"), "--set", "samples=2",
                    "--model", spec, "--api-key-env", "PATH", "--out", out.toString()};
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.exit(), r.err());
            Map<String, Object> s = (Map<String, Object>) JsonValues.parse(r.out().strip());
            assertEquals(12, s.get("tasks"), r.out());
            assertEquals(2, s.get("kept"), r.out());
            assertEquals(Map.of("no-valid-chain", 10), s.get("dropped_by_reason"), r.out());
            assertEquals(Map.of("right", 2, "wrong", 2), s.get("traces_by_label"), r.out());
            Map<String, Object> iv = (Map<String, Object>) s.get("insight_v");
            assertEquals(24, iv.get("chains"));
            assertEquals(Map.of("invalid-json", 20), iv.get("chains_dropped_by_reason"));
            assertEquals(Map.of("right", 2, "unparsable", 2), iv.get("judge"));
            assertEquals(Map.of("high", 2), iv.get("bins"));
            assertEquals(60, iv.get("retries"));
            assertEquals(2, iv.get("reasoning_records"));
            assertEquals(4, iv.get("summary_records"));
            List<Object> reasoning = (List<Object>) JsonValues.parse(Files.readString(out.resolve("reasoning.json")));
            Map<String, Object> first = (Map<String, Object>) reasoning.get(0);
            assertEquals("insight-v-reason-00000", first.get("id"));
            Map<String, Object> gpt = (Map<String, Object>) ((List<Object>) first.get("conversations")).get(1);
            assertEquals("<thoughts>\nRead the image: I read the numbers.\n\nCompute: The difference is the answer.\n</thoughts>",
                    gpt.get("value"));
            Map<String, Object> manifest = (Map<String, Object>) JsonValues.parse(Files.readString(out.resolve("manifest.json")));
            assertEquals(iv, manifest.get("insight_v"));

            String traces = Files.readString(out.resolve("traces.jsonl"));
            String summary = Files.readString(out.resolve("summary.json"));
            Cli.Result again = Cli.run(args);
            assertEquals(0, again.exit(), again.err());
            assertEquals(traces, Files.readString(out.resolve("traces.jsonl")));
            assertEquals(summary, Files.readString(out.resolve("summary.json")));
            assertEquals(s, JsonValues.parse(again.out().strip()));
        } finally {
            server.stop(0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void garbageFromATinyLocalModelIsCountedNotCrashed() throws Exception {
        WordCounts counts = new WordCounts(BpeOptions.DEFAULT_SPECIAL_TOKENS);
        for (int i = 0; i < 20; i++) {
            counts.addDocument("{\"title\": \"Step\", \"content\": \"look\", \"next_action\": \"continue\"} [1] Score: 80");
        }
        BpeVocab vocab = new BpeTrainer(new BpeOptions(300, 2, BpeOptions.DEFAULT_SPECIAL_TOKENS)).train(counts);
        Path tokenizer = dir.resolve("tok");
        TokenizerFiles.write(tokenizer, vocab, 4096);
        Path model = dir.resolve("vlm");
        Cli.Result init = Cli.run("model", "init", "--config", REPO.resolve("configs/models/tiny-vlm.yaml").toString(),
                "--out", model.toString(), "--seed", "5", "--tokenizer", tokenizer.toString());
        assertEquals(0, init.exit(), init.err());
        Cli.Result r = Cli.run("synth", "--generator", "insight-v", "--config",
                REPO.resolve("configs/synth/insight-v.yaml").toString(), "--set",
                "source=" + REPO.resolve("datasets/samples/llava/llava_instruct.json"), "--set", "samples=1",
                "--set", "max-per-image=1", "--set", "generation.max-tokens=8", "--set", "judge.max-tokens=8",
                "--set", "scoring.max-tokens=8", "--model", "local:" + model, "--device", "cpu",
                "--out", dir.resolve("o").toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> s = (Map<String, Object>) JsonValues.parse(r.out().strip());
        int tasks = (Integer) s.get("tasks");
        assertTrue(tasks > 0, r.out());
        Map<String, Object> iv = (Map<String, Object>) s.get("insight_v");
        assertEquals(tasks, iv.get("chains"), r.out());
        // An 8-token reply of an untrained model is never a valid step: every chain fails as invalid-json.
        assertEquals(Map.of("invalid-json", tasks), iv.get("chains_dropped_by_reason"), r.out());
        assertEquals(Map.of("no-valid-chain", tasks), s.get("dropped_by_reason"), r.out());
    }

    @Test
    void usageErrorsExitTwoInOneLine() throws Exception {
        String cfg = REPO.resolve("configs/synth/insight-v.yaml").toString();
        Cli.Result noModel = Cli.run("synth", "--generator", "insight-v", "--config", cfg, "--out", dir.toString());
        assertEquals(2, noModel.exit());
        assertTrue(noModel.err().contains("--model SPEC"), noModel.err());
        Cli.Result bad = Cli.run("synth", "--generator", "insight-v", "--config", cfg, "--set", "max-steps=1",
                "--model", "openai:m@http://127.0.0.1:9/v1", "--out", dir.resolve("o").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("min-steps (2) must be <= max-steps (1)"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }
}
