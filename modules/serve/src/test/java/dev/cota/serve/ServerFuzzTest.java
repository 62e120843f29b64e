package dev.cota.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.agent.backend.ChatImages;
import dev.cota.agent.backend.LocalBackend;
import dev.cota.core.json.Json;
import dev.cota.data.encode.ChatTemplates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random and mutated request bodies: every one gets a JSON answer (a completion or a 4xx
 * error, never a 5xx), no answer holds a stack trace, and the server still answers afterwards.
 */
class ServerFuzzTest {

    static final int CASES = 300;
    static final List<String> SEEDS = List.of(
            "{\"model\": \"v\", \"messages\": [{\"role\": \"user\", \"content\": \"the cat\"}], \"max_tokens\": 2}",
            "{\"model\": \"v\", \"messages\": [{\"role\": \"system\", \"content\": \"x\"}, {\"role\": \"user\", \"content\":"
                    + " [{\"type\": \"text\", \"text\": \"a\"}, {\"type\": \"image_url\", \"image_url\": {\"url\": \"IMG\"}}]}],"
                    + " \"max_tokens\": 2, \"temperature\": 0.7, \"top_p\": 0.9, \"seed\": 4, \"stop\": [\"a\"], \"n\": 2}",
            "{\"model\": \"v\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 3, \"stream\": true,"
                    + " \"stream_options\": {\"include_usage\": true}}");
    static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "1e999", "0", "2147483648",
        "\"model\"", "\"messages\"", "\"role\"", "\"content\"", "\"max_tokens\"", "\"n\"", "\"stream\"", "\\u0000", "\\",
        "<image>", "\"image_url\"", "\"data:image/png;base64,AAAA\"", "\"https://x\"", "9999999", "-0.0", "\uD83D\uDE00"};

    @TempDir
    Path dir;

    @Test
    void randomAndMutatedBodiesNeverCrashTheServer() throws Exception {
        Random random = new Random(20261122L);
        String image = ChatImages.dataUrl(TinyCheckpoints.gradient(8, 8));
        HttpClient http = HttpClient.newHttpClient();
        int ok = 0;
        try (LocalBackend vlm = LocalBackend.open(TinyCheckpoints.vlm(dir), Device.cpu(), ChatTemplates.AUTO);
             ChatServer server = new ChatServer(ServedModel.of(vlm), ServeConfig.of("v", 0).withMaxRequestBytes(64 << 10)
                     .withDefaultMaxTokens(4))
                     .start()) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/chat/completions");
            for (int i = 0; i < CASES; i++) {
                byte[] body = body(random, SEEDS.get(random.nextInt(SEEDS.size())).replace("IMG", image));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers
                        .ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                String what = "case " + i + ": " + new String(body, StandardCharsets.UTF_8);
                assertTrue(r.statusCode() == 200 || (r.statusCode() >= 400 && r.statusCode() < 500),
                        what + " -> " + r.statusCode() + " " + r.body());
                assertFalse(r.body().contains("Exception") || r.body().contains("at dev."), what + " -> " + r.body());
                if (r.statusCode() == 200 && r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                    assertTrue(r.body().endsWith("data: [DONE]\n\n"), what);
                    ok++;
                    continue;
                }
                JsonNode answer = Json.mapper().readTree(r.body());
                if (r.statusCode() == 200) {
                    assertEquals("chat.completion", answer.path("object").asText(), what);
                    ok++;
                } else {
                    assertTrue(answer.path("error").path("message").isTextual(), what + " -> " + r.body());
                }
            }
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), "still serving");
        }
        assertTrue(ok > 0, "some mutations stay valid and are answered");
    }

    /** A seed body mutated a few times, or pure noise. */
    static byte[] body(Random random, String seed) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            byte[] noise = new byte[random.nextInt(300)];
            random.nextBytes(noise);
            return noise;
        }
        if (kind == 1) {
            return seed.getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder s = new StringBuilder(seed);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && s.length() > 0; m++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> s.replace(at, Math.min(s.length(), at + 1 + random.nextInt(8)), TOKENS[random.nextInt(TOKENS.length)]);
                default -> s.setLength(at);
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
