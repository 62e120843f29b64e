package dev.cota.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.agent.backend.BackendException;
import dev.cota.agent.backend.ChatImages;
import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.LocalBackend;
import dev.cota.agent.backend.OpenAiBackend;
import dev.cota.agent.backend.OpenAiConfig;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.core.json.Json;
import dev.cota.data.encode.ChatTemplates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's OpenAI client against {@code cota serve} on loopback: replies equal the local
 * backend's, images travel as data URLs, streams add up to the whole reply, the key is enforced.
 */
class ServerRoundTripTest {

    static final String KEY = "test-key-123";
    static final List<ChatMessage> CAT = List.of(ChatMessage.system("You answer."), ChatMessage.user("the cat"));

    @TempDir
    static Path dir;
    static LocalBackend text;
    static LocalBackend vision;
    static ChatServer textServer;
    static ChatServer visionServer;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        text = LocalBackend.open(TinyCheckpoints.lm(dir), Device.cpu(), ChatTemplates.AUTO);
        vision = LocalBackend.open(TinyCheckpoints.vlm(dir), Device.cpu(), ChatTemplates.AUTO);
        textServer = new ChatServer(ServedModel.of(text), ServeConfig.of("tiny", 0).withApiKey(KEY)).start();
        visionServer = new ChatServer(ServedModel.of(vision), ServeConfig.of("tiny-vlm", 0)).start();
    }

    @AfterAll
    static void stop() {
        textServer.close();
        visionServer.close();
        text.close();
        vision.close();
    }

    static OpenAiBackend client(ChatServer server, String model, String key) {
        OpenAiConfig config = OpenAiConfig.of("http://127.0.0.1:" + server.port() + "/v1", model)
                .withRetries(0, Duration.ofMillis(10));
        return new OpenAiBackend(config, Map.of(OpenAiConfig.DEFAULT_KEY_ENV, key)::get);
    }

    static HttpResponse<String> post(ChatServer server, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void textRoundTripGivesTheLocalBackendsReply() {
        SamplingParams greedy = SamplingParams.greedy(12);
        String local = text.completeOne(CAT, greedy);
        try (OpenAiBackend client = client(textServer, "tiny", KEY)) {
            assertEquals(local, client.completeOne(CAT, greedy));
            SamplingParams sampled = new SamplingParams(12, 1.0, 0.9, 7, List.of());
            assertEquals(client.completeOne(CAT, sampled), client.completeOne(CAT, sampled), "same seed, same reply");
            String full = client.completeOne(CAT, SamplingParams.greedy(24));
            assertTrue(full.length() >= 3, "the random model says something: '" + full + "'");
            String stop = full.substring(full.length() / 2, full.length() / 2 + 1);
            assertEquals(full.substring(0, full.indexOf(stop)), client.completeOne(CAT,
                    SamplingParams.greedy(24).withStop(List.of(stop))));
        }
    }

    @Test
    void vlmRoundTripSeesTheImage() {
        List<ChatMessage> gradient = List.of(ChatMessage.user("<image>\nwhat is in the image?",
                List.of(TinyCheckpoints.gradient(40, 30))));
        List<ChatMessage> white = List.of(ChatMessage.user("<image>\nwhat is in the image?",
                List.of(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB))));
        SamplingParams greedy = SamplingParams.greedy(8);
        try (OpenAiBackend client = client(visionServer, "tiny-vlm", "unused")) {
            String remote = client.completeOne(gradient, greedy);
            assertEquals(vision.completeOne(gradient, greedy), remote);
            assertEquals(vision.completeOne(white, greedy), client.completeOne(white, greedy));
        }
    }

    @Test
    void theKeyIsRequiredAndAWrongOneIsRefused() throws Exception {
        try (OpenAiBackend wrong = client(textServer, "tiny", "test-key-12")) {
            BackendException e = assertThrows(BackendException.class, () -> wrong.completeOne(CAT, SamplingParams.greedy(2)));
            assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        }
        HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + textServer.port()
                + "/v1/models")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, none.statusCode());
        assertEquals("authentication_error", Json.mapper().readTree(none.body()).path("error").path("type").asText());
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + textServer.port()
                + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), "health needs no key");
        assertEquals("ok", Json.mapper().readTree(health.body()).path("status").asText());
        HttpResponse<String> models = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + textServer.port()
                + "/v1/models")).header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode list = Json.mapper().readTree(models.body());
        assertEquals("list", list.path("object").asText());
        assertEquals("tiny", list.path("data").path(0).path("id").asText());
    }

    @Test
    void usageFinishReasonsAndSeveralChoices() throws Exception {
        String body = "{\"model\": \"tiny\", \"messages\": [{\"role\": \"user\", \"content\": \"the cat\"}],"
                + " \"max_tokens\": 5, \"temperature\": 1.0, \"seed\": 3, \"n\": 3}";
        HttpResponse<String> r = post(textServer, body);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode root = Json.mapper().readTree(r.body());
        assertEquals("chat.completion", root.path("object").asText());
        assertTrue(root.path("id").asText().startsWith("chatcmpl-"));
        assertEquals(3, root.path("choices").size());
        int prompt = root.path("usage").path("prompt_tokens").asInt();
        assertTrue(prompt > 3, r.body());
        int completion = root.path("usage").path("completion_tokens").asInt();
        assertTrue(completion >= 3 && completion <= 15, r.body());
        assertEquals(prompt + completion, root.path("usage").path("total_tokens").asInt());
        for (JsonNode c : root.path("choices")) {
            assertTrue(List.of("stop", "length").contains(c.path("finish_reason").asText()), c.toString());
            assertEquals("assistant", c.path("message").path("role").asText());
        }
        assertEquals(r.body().replaceAll("\"(id|created)\":[^,]*,", ""),
                post(textServer, body).body().replaceAll("\"(id|created)\":[^,]*,", ""), "a seed repeats the reply");
        JsonNode greedy = Json.mapper().readTree(post(textServer, "{\"model\": \"tiny\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"the cat\"}], \"max_tokens\": 1, \"temperature\": 0}").body());
        assertEquals("length", greedy.path("choices").path(0).path("finish_reason").asText());
        assertEquals(1, greedy.path("usage").path("completion_tokens").asInt());
    }

    @Test
    void aStreamAddsUpToTheWholeReply() throws Exception {
        String messages = "\"messages\": [{\"role\": \"system\", \"content\": \"You answer.\"},"
                + " {\"role\": \"user\", \"content\": \"the cat\"}]";
        String whole = post(textServer, "{\"model\": \"tiny\", " + messages + ", \"max_tokens\": 20, \"temperature\": 0}").body();
        JsonNode expected = Json.mapper().readTree(whole).path("choices").path(0);
        HttpResponse<java.util.stream.Stream<String>> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + textServer.port() + "/v1/chat/completions")).header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"tiny\", " + messages + ", \"max_tokens\": 20,"
                        + " \"temperature\": 0, \"stream\": true, \"stream_options\": {\"include_usage\": true}}")).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> events = r.body().filter(l -> !l.isEmpty()).collect(Collectors.toList());
        assertEquals("data: [DONE]", events.get(events.size() - 1));
        StringBuilder text = new StringBuilder();
        String finish = null;
        JsonNode usage = null;
        List<String> deltas = new ArrayList<>();
        for (String e : events.subList(0, events.size() - 1)) {
            assertTrue(e.startsWith("data: "), e);
            JsonNode chunk = Json.mapper().readTree(e.substring(6));
            assertEquals("chat.completion.chunk", chunk.path("object").asText());
            if (chunk.path("choices").isEmpty()) {
                usage = chunk.path("usage");
                continue;
            }
            JsonNode c = chunk.path("choices").path(0);
            assertNull(finish, "nothing after the finish chunk but usage");
            if (!c.path("finish_reason").isNull()) {
                finish = c.path("finish_reason").asText();
            }
            String d = c.path("delta").path("content").asText("");
            if (!d.isEmpty()) {
                deltas.add(d);
            }
            text.append(d);
        }
        assertEquals(expected.path("message").path("content").asText(), text.toString());
        assertEquals(expected.path("finish_reason").asText(), finish);
        assertTrue(deltas.size() > 1, "streamed in pieces: " + deltas);
        assertTrue(usage != null && usage.path("completion_tokens").asInt() > 0, String.valueOf(usage));
        assertEquals(Json.mapper().readTree(whole).path("usage"), usage);
    }

    @Test
    void anImageUrlOnTheWebIsRefused() throws Exception {
        String url = ChatImages.dataUrl(TinyCheckpoints.gradient(8, 8));
        HttpResponse<String> ok = post(visionServer, "{\"model\": \"tiny-vlm\", \"max_tokens\": 2, \"messages\": [{\"role\":"
                + " \"user\", \"content\": [{\"type\": \"text\", \"text\": \"what?\"}, {\"type\": \"image_url\","
                + " \"image_url\": {\"url\": \"" + url + "\"}}]}]}");
        assertEquals(200, ok.statusCode(), ok.body());
        HttpResponse<String> web = post(visionServer, "{\"model\": \"tiny-vlm\", \"messages\": [{\"role\": \"user\","
                + " \"content\": [{\"type\": \"image_url\", \"image_url\": {\"url\": \"https://example.com/a.png\"}}]}]}");
        assertEquals(400, web.statusCode());
        assertEquals("image_url_not_supported", Json.mapper().readTree(web.body()).path("error").path("code").asText());
        assertNotEquals(ok.body(), web.body());
        assertFalse(web.body().contains("Exception"));
    }
}
