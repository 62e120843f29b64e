package dev.cota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cota.core.json.JsonValues;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cota synth --generator model} in-process against a loopback OpenAI-style endpoint that
 * answers the bakery question with a Terminate chain and everything else with prose: one
 * {@code cot-pos} trace, the rest dropped as parse errors; and its config errors exit 2 in one line.
 */
class SynthModelCommandTest {

    private static final String DATA = Path.of("../../datasets/samples/llava/llava_instruct.json").toAbsolutePath()
            .normalize().toString();

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void modelGeneratorLabelsChainsFromAnOpenAiEndpoint() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String reply = request.contains("bakery")
                    ? "{\\\"thought\\\": \\\"March minus January.\\\", \\\"actions\\\": [{\\\"name\\\": \\\"Terminate\\\","
                            + " \\\"arguments\\\": {\\\"answer\\\": \\\"65\\\"}}]}"
                    : "I would rather not say.";
            byte[] body = ("{\"id\": \"c\", \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\","
                    + " \"content\": \"" + reply + "\"}, \"finish_reason\": \"stop\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        try {
            Path cfg = dir.resolve("model.yaml");
            Files.writeString(cfg, "source: " + DATA + "\nmax-replies: 2\nprompt: simple\n");
            String spec = "openai:fake@http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            Path out = dir.resolve("out");
            Cli.Result r = Cli.run("synth", "--generator", "model", "--config", cfg.toString(), "--model", spec,
                    "--api-key-env", "PATH", "--out", out.toString());
            assertEquals(0, r.exit(), r.err());
            Map<String, Object> s = (Map<String, Object>) JsonValues.parse(r.out().strip());
            int tasks = (Integer) s.get("tasks");
            assertTrue(tasks >= 10, r.out());
            assertEquals(1, s.get("kept"), r.out());
            assertEquals(Map.of("cot-pos", 1), s.get("traces_by_label"), r.out());
            assertEquals(Map.of("parse-error", tasks - 1), s.get("dropped_by_reason"), r.out());
            String line = Files.readString(out.resolve("traces.jsonl")).strip();
            assertTrue(line.contains("\"label\":\"cot-pos\"") && line.contains("\"ground_truth\":\"65\""), line);
            Map<String, Object> manifest = (Map<String, Object>) JsonValues.parse(Files.readString(out.resolve("manifest.json")));
            assertEquals(Map.of("cot-pos", 1), manifest.get("traces_by_label"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void configErrorsExitTwoInOneLine() throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "source: " + DATA + "\nmax-per-image: 0\n");
        Cli.Result r = Cli.run("synth", "--generator", "model", "--config", cfg.toString(), "--model",
                "openai:m@http://127.0.0.1:9/v1", "--out", dir.resolve("o").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("max-per-image must be >= 1"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        Cli.Result noModel = Cli.run("synth", "--generator", "model", "--config", cfg.toString(), "--out", dir.toString());
        assertEquals(2, noModel.exit());
        assertTrue(noModel.err().contains("--model SPEC"), noModel.err());
    }
}
