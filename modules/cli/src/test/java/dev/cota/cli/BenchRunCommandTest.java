package dev.cota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.cota.core.json.Json;
import dev.cota.data.tokenizer.BpeOptions;
import dev.cota.data.tokenizer.BpeTrainer;
import dev.cota.data.tokenizer.BpeVocab;
import dev.cota.data.tokenizer.TokenizerFiles;
import dev.cota.data.tokenizer.WordCounts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cota bench run} end to end: a local checkpoint, a SIGKILLed run that resumes, one-line errors. */
class BenchRunCommandTest {

    @TempDir
    Path dir;

    private static final String MMSTAR = Cli.root().resolve("datasets/bench/mmstar").toString();

    @Test
    void aLocalCheckpointAnswersTwoMmstarItems() throws Exception {
        WordCounts counts = new WordCounts(BpeOptions.DEFAULT_SPECIAL_TOKENS);
        for (int i = 0; i < 20; i++) {
            counts.addDocument("Question: which option is right? Options: A. cat B. dog C. mat. The answer is A.");
        }
        BpeVocab vocab = new BpeTrainer(new BpeOptions(300, 2, BpeOptions.DEFAULT_SPECIAL_TOKENS)).train(counts);
        Path tokenizer = dir.resolve("tok");
        TokenizerFiles.write(tokenizer, vocab, 4096);
        Path model = dir.resolve("vlm");
        Cli.Result init = Cli.run("model", "init", "--config", Cli.root().resolve("configs/models/tiny-vlm.yaml").toString(),
                "--out", model.toString(), "--seed", "3", "--tokenizer", tokenizer.toString());
        assertEquals(0, init.exit(), init.err());

        Path out = dir.resolve("run");
        Cli.Result r = Cli.run("bench", "run", "--suite", "mmstar", "--data", MMSTAR, "--model", "local:" + model,
                "--limit", "2", "--max-tokens", "5", "--device", "cpu", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        assertEquals(2, lines.size());
        for (String l : lines) {
            JsonNode n = Json.mapper().readTree(l);
            assertTrue(n.get("prediction").isTextual());
            assertFalse(n.get("prediction").asText().isEmpty(), "a generated prediction: " + l);
            assertFalse(n.has("error"), l);
            assertTrue(List.of(0.0, 1.0).contains(n.get("score").asDouble()), l);
        }
        JsonNode summary = Json.mapper().readTree(r.out().strip());
        assertEquals(2, summary.get("items").asInt());
        assertEquals("local:" + model, summary.get("model").asText());
        assertEquals(Json.mapper().readTree(out.resolve("summary.json").toFile()), summary);
        assertTrue(r.err().contains("bench run: [2/2] 1 score="), r.err());
        assertEquals("cpu()", Json.yaml().readTree(out.resolve("config.yaml").toFile()).get("device").asText());
    }

    @Test
    void aRunKilledWithSigkillResumesWithEveryItemOnce() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"id\": \"c\", \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\","
                    + " \"content\": \"C\"}, \"finish_reason\": \"stop\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        try {
            String spec = "openai:fake@http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            Path out = dir.resolve("run");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "bench", "run", "--suite", "mmstar", "--data", MMSTAR, "--model", spec, "--out", out.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("OPENAI_API_KEY", "test-key");
            Process child = pb.start();
            int seen = 0;
            try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while (seen < 2 && (line = err.readLine()) != null) {
                    if (line.startsWith("bench run: [")) {
                        seen++;
                    }
                }
                child.destroyForcibly();  // SIGKILL: no shutdown hooks, no finally blocks
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            assertEquals(2, seen);
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
            Thread.sleep(500);  // a request the child sent as it died is counted before the resume starts
            int before = requests.get();
            List<String> partial = Files.readAllLines(out.resolve("results.jsonl"));
            assertTrue(partial.size() >= 2 && partial.size() < 6, partial.toString());
            assertFalse(Files.exists(out.resolve("summary.json")));

            // The key comes from the environment, so the resumed run is a child JVM too.
            ProcessBuilder again = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectError(dir.resolve("err.txt").toFile());
            again.environment().put("OPENAI_API_KEY", "test-key");
            Process rerun = again.start();
            assertTrue(rerun.waitFor(120, TimeUnit.SECONDS));
            String stderr = Files.readString(dir.resolve("err.txt"));
            assertEquals(0, rerun.exitValue(), stderr);
            assertTrue(stderr.contains("bench run: resuming " + out + ": " + partial.size() + " item(s) already done"), stderr);
            List<String> ids = new ArrayList<>();
            for (String l : Files.readAllLines(out.resolve("results.jsonl"))) {
                JsonNode n = Json.mapper().readTree(l);
                ids.add(n.get("id").asText());
                assertEquals("C", n.get("prediction").asText());
            }
            assertEquals(List.of("0", "1", "2", "3", "4", "5"), ids);
            assertEquals(6, new HashSet<>(ids).size());
            JsonNode summary = Json.mapper().readTree(Files.readString(dir.resolve("out.txt")).strip());
            assertEquals(6, summary.get("items").asInt());
            assertEquals(0, summary.get("missing").asInt());
            // Items 1 and 5 of the sample have the answer C.
            assertEquals(2.0 / 6, summary.get("Overall").asDouble(), 1e-12);
            assertEquals(Json.mapper().readTree(out.resolve("summary.json").toFile()), summary);
            assertEquals(6 - partial.size(), requests.get() - before, "requests after the resume: one per unfinished item");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void badInvocationsAreOneLineErrors() {
        Cli.Result noModel = Cli.run("bench", "run", "--suite", "mmstar", "--out", dir.toString());
        assertEquals(2, noModel.exit());
        assertEquals("cota: --model SPEC is required: local:DIR or openai:MODEL@BASE_URL\n", noModel.err());
        Cli.Result noSuite = Cli.run("bench", "run", "--model", "openai:m@http://127.0.0.1:9/v1", "--out", dir.toString());
        assertEquals(2, noSuite.exit());
        assertEquals("cota: --suite NAME or --config FILE is required\n", noSuite.err());
        Cli.Result runner = Cli.run("bench", "run", "--suite", "gaia", "--runner", "tot", "--model", "openai:m@http://x/v1",
                "--out", dir.toString());
        assertEquals(2, runner.exit());
        assertEquals("cota: runner 'tot' is not one of direct, cota, react, reason-summary\n", runner.err());
        Cli.Result unknown = Cli.run("bench", "run", "--suite", "nope", "--model", "openai:m@http://x/v1",
                "--out", dir.toString());
        assertTrue(unknown.err().startsWith("cota: unknown suite 'nope'; known suites: aokvqa, "), unknown.err());
    }
}
