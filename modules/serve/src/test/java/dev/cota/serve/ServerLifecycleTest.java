package dev.cota.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.agent.backend.LocalBackend;
import dev.cota.core.json.Json;
import dev.cota.data.encode.ChatTemplates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batching, back-pressure and shutdown made deterministic with a gated model: requests that wait
 * while a batch runs go together into the next one, a full queue answers 429, and closing lets the
 * requests in flight finish while new ones get 503.
 */
class ServerLifecycleTest {

    static final String BODY = "{\"model\": \"tiny\", \"messages\": [{\"role\": \"user\", \"content\": \"the cat\"}],"
            + " \"max_tokens\": 3, \"temperature\": 0}";

    @TempDir
    static Path dir;
    static LocalBackend text;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void load() throws Exception {
        text = LocalBackend.open(TinyCheckpoints.lm(dir), Device.cpu(), ChatTemplates.AUTO);
    }

    @AfterAll
    static void close() {
        text.close();
    }

    static CompletableFuture<HttpResponse<String>> post(ChatServer server) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode health(ChatServer server) throws Exception {
        return Json.mapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    static void awaitQueued(ChatServer server, int queued) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (health(server).path("queued").asInt() != queued) {
            assertTrue(System.nanoTime() < deadline, "never saw " + queued + " queued: " + health(server));
            Thread.sleep(5);
        }
    }

    @Test
    void waitingRequestsAreBatchedTogetherAndAFullQueueAnswers429() throws Exception {
        GatedModel model = new GatedModel(ServedModel.of(text));
        try (ChatServer server = new ChatServer(model, ServeConfig.of("tiny", 0).withBatching(4, 3)).start()) {
            CompletableFuture<HttpResponse<String>> first = post(server);
            assertTrue(model.firstBatchStarted.await(20, TimeUnit.SECONDS));
            List<CompletableFuture<HttpResponse<String>>> waiting = List.of(post(server), post(server), post(server));
            awaitQueued(server, 3);
            HttpResponse<String> refused = post(server).get(20, TimeUnit.SECONDS);
            assertEquals(429, refused.statusCode(), refused.body());
            assertEquals("rate_limit_error", Json.mapper().readTree(refused.body()).path("error").path("type").asText());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            model.gate.release(2);
            String expected = Json.mapper().readTree(first.get(20, TimeUnit.SECONDS).body()).path("choices").path(0)
                    .path("message").path("content").asText();
            for (CompletableFuture<HttpResponse<String>> w : waiting) {
                HttpResponse<String> r = w.get(20, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(expected, Json.mapper().readTree(r.body()).path("choices").path(0).path("message")
                        .path("content").asText(), "a batched greedy reply is the same as alone");
            }
            assertEquals(List.of(1, 3), model.batchSizes, "the three that waited ran as one batch");
            assertEquals(2, health(server).path("batches").asInt());
        }
    }

    @Test
    void closingFinishesRequestsInFlightAndRefusesNewOnes() throws Exception {
        GatedModel model = new GatedModel(ServedModel.of(text));
        ChatServer server = new ChatServer(model, ServeConfig.of("tiny", 0)).start();
        int port = server.port();
        CompletableFuture<HttpResponse<String>> inFlight = post(server);
        assertTrue(model.firstBatchStarted.await(20, TimeUnit.SECONDS));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpResponse<String> late;
        do {
            late = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } while (late.statusCode() == 200 && System.nanoTime() < deadline);
        assertEquals(503, late.statusCode(), "a request after close began is refused");
        assertTrue(!closing.isDone(), "close waits for the request in flight");
        model.gate.release();
        HttpResponse<String> finished = inFlight.get(20, TimeUnit.SECONDS);
        assertEquals(200, finished.statusCode(), finished.body());
        assertEquals("chat.completion", Json.mapper().readTree(finished.body()).path("object").asText());
        closing.get(20, TimeUnit.SECONDS);
    }
}
