package dev.cota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.cota.core.json.Json;
import dev.cota.core.json.JsonValues;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cota bench score --judge-*}: MM-Vet graded by a loopback OpenAI-compatible judge, then from its cache. */
class BenchJudgeCommandTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void mmVetIsGradedByTheJudgeAndReScoredFromTheCache() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            requests.incrementAndGet();
            JsonNode body = Json.mapper().readTree(ex.getRequestBody().readAllBytes());
            String prompt = body.get("messages").get(0).get("content").asText();
            String row = prompt.substring(prompt.lastIndexOf('\n') + 1); // question | answer | prediction |
            String grade = row.contains("| It says GO. |") || row.endsWith("|  | ") ? "0.0" : "1.0";
            byte[] out = JsonValues.toJson(Map.of("choices", List.of(Map.of("message",
                    Map.of("role", "assistant", "content", grade))))).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        Path data = Cli.root().resolve("datasets/bench/mmvet");
        Path cache = dir.resolve("cache");
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        Map<String, Object> first;
        try {
            // The loopback judge checks no key; any set variable will do.
            Cli.Result r = Cli.run("bench", "score", "--suite", "mmvet", "--data", data.toString(),
                    "--predictions", data.resolve("predictions.jsonl").toString(), "--out", dir.resolve("a").toString(),
                    "--judge-model", "gpt-4-0613", "--judge-base-url", url, "--judge-key-env", "PATH",
                    "--judge-cache", cache.toString(), "--judge-runs", "2");
            assertEquals(0, r.exit(), r.err());
            first = (Map<String, Object>) JsonValues.parse(r.out().strip());
            assertEquals("judge gpt-4-0613: 0 cached, 12 asked (cache " + cache + ")", r.err().strip());
        } finally {
            server.stop(0);
        }
        assertEquals(12, requests.get()); // 6 items x 2 runs
        // 6 items, one without a prediction (graded 0.0), "It says GO." graded 0.0: 4 / 6.
        assertEquals(66.7, first.get("total"));
        assertEquals(List.of(66.7, 66.7), first.get("runs"));
        assertEquals(2, first.get("num_runs"));
        assertEquals("gpt-4-0613", first.get("judge"));
        assertEquals(0, first.get("unjudged"));
        JsonNode line = Json.mapper().readTree(Files.readAllLines(dir.resolve("a/results.jsonl")).get(2));
        assertEquals("v1_2", line.get("id").asText());
        assertEquals("[0.0,0.0]", line.get("grades").toString());

        // The endpoint is gone and the key variable unset: every grade comes from the cache.
        Cli.Result again = Cli.run("bench", "score", "--suite", "mmvet", "--data", data.toString(),
                "--predictions", data.resolve("predictions.jsonl").toString(), "--out", dir.resolve("b").toString(),
                "--judge-model", "gpt-4-0613", "--judge-base-url", url, "--judge-key-env", "COTA_TEST_UNSET_KEY",
                "--judge-cache", cache.toString(), "--judge-runs", "2");
        assertEquals(0, again.exit(), again.err());
        assertEquals(first, JsonValues.parse(again.out().strip()));
        assertEquals("judge gpt-4-0613: 12 cached, 0 asked (cache " + cache + ")", again.err().strip());
    }

    @Test
    void aJudgeNeedsBothModelAndUrl() {
        Path data = Cli.root().resolve("datasets/bench/mmvet");
        Cli.Result r = Cli.run("bench", "score", "--suite", "mmvet", "--data", data.toString(),
                "--predictions", data.resolve("predictions.jsonl").toString(), "--out", dir.toString(),
                "--judge-model", "gpt-4-0613");
        assertEquals(2, r.exit());
        assertEquals("cota: a judge needs both --judge-model and --judge-base-url", r.err().strip());
        Cli.Result bad = Cli.run("bench", "score", "--suite", "mmvet", "--data", data.toString(),
                "--predictions", data.resolve("predictions.jsonl").toString(), "--out", dir.toString(),
                "--judge-model", "m", "--judge-base-url", "ftp://x/v1");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("cota: judge base_url must be an http(s) URL"), bad.err());
    }
}
