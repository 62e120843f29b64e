package dev.cota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.cota.core.json.Json;
import dev.cota.core.json.JsonValues;
import dev.cota.data.tokenizer.BpeOptions;
import dev.cota.data.tokenizer.BpeTrainer;
import dev.cota.data.tokenizer.BpeVocab;
import dev.cota.data.tokenizer.TokenizerFiles;
import dev.cota.data.tokenizer.WordCounts;
import dev.cota.synth.mmtraj.MmTrajGenerator;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cota synth --generator mm-traj} end to end: against a loopback OpenAI-style endpoint that
 * plays generator, agent and verifiers (every task kept, mm-traj.json written, a rerun resumes), on a
 * tiny random local checkpoint (its garbage is counted as drops, never a crash), and its config errors.
 */
class SynthMmTrajCommandTest {

    private static final Path ROOT = Cli.root();

    @TempDir
    Path dir;

    private Path recipe(int tasks) throws Exception {
        Path cfg = dir.resolve("mm-traj.yaml");
        Files.writeString(cfg, "tasks: " + tasks + "\nprompts: " + ROOT.resolve("configs/synth/mm-traj")
                + "\nexamples: " + ROOT.resolve("configs/synth/mm-traj/examples.jsonl")
                + "\nimage-pool: " + ROOT.resolve("datasets/samples/llava/llava_instruct.json")
                + "\nmax-iterations: 3\ntool-timeout-ms: 20000\n");
        return cfg;
    }

    private static String reply(String request) {
        if (request.contains("You are tasked with generating user queries")) {
            return "```json\n[{\"query\": \"How much is 12 plus 3 in the chart?\", \"tools\": [\"Calculate\"]}]\n```";
        }
        if (request.contains("smart reasoner")) {
            return "### json start\n{\"file\": {\"file_numbers\": 1, \"file_information\": {\"file_1\": {\"file_type\":"
                    + " \".jpg\", \"file_content\": \"a bar chart of sales\"}}}}\n### json end";
        }
        if (request.contains("check whether the images are relevant")) {
            return "{\"thought\": \"fits\", \"correct\": \"yes\", \"updated_query\": \"no revision is needed.\"}";
        }
        if (request.contains("data quality evaluator")) {
            return "### start json\n{\"thought\": \"good\", \"correct\": \"yes\"}\n### end json";
        }
        if (request.contains("[OUTPUT OF STEP 0]")) {
            return "Thought: Done.\nCode:\n```py\nfinal_answer('15')\n```";
        }
        return "Thought: Add.\nCode:\n```py\nprint(Calculate(expression='12+3'))\n```";
    }

    @Test
    @SuppressWarnings("unchecked")
    void keepsVerifiedTrajectoriesFromAnOpenAiEndpointAndResumes() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> body = Map.of("id", "c", "choices", java.util.List.of(Map.of("index", 0,
                    "message", Map.of("role", "assistant", "content", reply(request)), "finish_reason", "stop")));
            byte[] bytes = JsonValues.toJson(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        });
        server.start();
        try {
            String spec = "openai:fake@http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            Path out = dir.resolve("out");
            String[] args = {"synth", "--generator", "mm-traj", "--config", recipe(2).toString(), "--model", spec,
                "--api-key-env", "PATH", "--out", out.toString()};
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.exit(), r.err());
            Map<String, Object> s = (Map<String, Object>) JsonValues.parse(r.out().strip());
            assertEquals(2, s.get("tasks"), r.out());
            assertEquals(2, s.get("kept"), r.out());
            assertEquals(2, s.get("mm_traj_records"), r.out());
            assertEquals(Map.of("Calculate", 2), s.get("tool_calls"), r.out());
            JsonNode records = Json.mapper().readTree(out.resolve("mm-traj.json").toFile());
            assertEquals(2, records.size());
            assertEquals("15", records.get(0).get("answer").asText());
            assertTrue(records.get(0).get("image").asText().startsWith("images/mm-traj-0-000000-0.png"));
            assertTrue(Files.exists(out.resolve(records.get(0).get("image").asText())));
            assertEquals(2, Files.readAllLines(out.resolve("traces.jsonl")).size());
            Cli.Result again = Cli.run(args);
            assertEquals(0, again.exit(), again.err());
            assertEquals(r.out(), again.out(), "a finished run resumes to the same counts");
            assertEquals(2, Files.readAllLines(out.resolve("traces.jsonl")).size(), "no duplicates");
        } finally {
            server.stop(0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void garbageFromATinyLocalModelIsCounted() throws Exception {
        WordCounts counts = new WordCounts(BpeOptions.DEFAULT_SPECIAL_TOKENS);
        for (int i = 0; i < 20; i++) {
            counts.addDocument("the query is {\"correct\": \"yes\"} Thought: Code: ```py print(1)``` final_answer");
        }
        BpeVocab vocab = new BpeTrainer(new BpeOptions(300, 2, BpeOptions.DEFAULT_SPECIAL_TOKENS)).train(counts);
        Path tokenizer = dir.resolve("tok");
        TokenizerFiles.write(tokenizer, vocab, 4096);
        Path model = dir.resolve("vlm");
        Cli.Result init = Cli.run("model", "init", "--config", ROOT.resolve("configs/models/tiny-vlm.yaml").toString(),
                "--out", model.toString(), "--seed", "3", "--tokenizer", tokenizer.toString());
        assertEquals(0, init.exit(), init.err());
        Cli.Result r = Cli.run("synth", "--generator", "mm-traj", "--config", recipe(2).toString(), "--model",
                "local:" + model, "--set", "generator-sampling.max-tokens=8", "--set", "solver-sampling.max-tokens=8",
                "--set", "verifier-sampling.max-tokens=8", "--device", "cpu", "--out", dir.resolve("o").toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> s = (Map<String, Object>) JsonValues.parse(r.out().strip());
        assertEquals(2, s.get("tasks"), r.out());
        Map<String, Object> reasons = (Map<String, Object>) s.get("dropped_by_reason");
        int dropped = reasons.values().stream().mapToInt(v -> (Integer) v).sum();
        assertEquals(2 - (Integer) s.get("kept"), dropped, r.out());
        assertTrue(MmTrajGenerator.DROP_REASONS.containsAll(reasons.keySet()), r.out());
        assertEquals(s.get("kept"), s.get("mm_traj_records"), r.out());
    }

    @Test
    void configErrorsExitTwoInOneLine() throws Exception {
        Path cfg = recipe(1);
        Cli.Result generate = Cli.run("synth", "--generator", "mm-traj", "--config", cfg.toString(), "--set",
                "images=generate", "--model", "openai:m@http://127.0.0.1:9/v1", "--out", dir.resolve("o").toString());
        assertEquals(2, generate.exit());
        assertTrue(generate.err().contains("needs a text-to-image diffusion model"), generate.err());
        assertEquals(1, generate.err().strip().lines().count(), generate.err());
        Cli.Result unknown = Cli.run("synth", "--generator", "mm-traj", "--config", cfg.toString(), "--set",
                "verifier=x", "--model", "openai:m@http://127.0.0.1:9/v1", "--out", dir.resolve("o").toString());
        assertEquals(2, unknown.exit());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        Cli.Result noModel = Cli.run("synth", "--generator", "mm-traj", "--config", cfg.toString(), "--out",
                dir.toString());
        assertEquals(2, noModel.exit());
        assertTrue(noModel.err().contains("--model SPEC"), noModel.err());
    }
}
