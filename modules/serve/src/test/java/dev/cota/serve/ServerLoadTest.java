package dev.cota.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded loopback load: 200 requests from 16 client threads against a small queue. Every
 * answer is a well-formed completion or a 429 (then retried), nothing else. The throughput of
 * {@code --max-batch 8} against {@code --max-batch 1} is printed, not asserted (timings vary by host).
 */
class ServerLoadTest {

    static final int REQUESTS = 200;
    static final int CLIENTS = 16;
    static final int MAX_TOKENS = 4;

    @TempDir
    Path dir;

    @Test
    void everyRequestGetsACompletionOrA429() throws Exception {
        try (LocalBackend text = LocalBackend.open(TinyCheckpoints.lm(dir), Device.cpu(), ChatTemplates.AUTO)) {
            Load one = run(text, 1);
            Load batched = run(text, 8);
            for (Load l : List.of(one, batched)) {
                assertEquals(REQUESTS, l.completions(), l.toString());
                assertTrue(l.rows() == REQUESTS, "every request ran once: " + l);
            }
            assertEquals(REQUESTS, one.batches(), "max-batch 1 runs one request per batch");
            assertTrue(batched.batches() < REQUESTS, "max-batch 8 batched: " + batched);
            System.out.printf("cota serve load (%d requests, %d clients, %d tokens each): max-batch 1 %.1f req/s,"
                    + " max-batch 8 %.1f req/s (mean batch %.2f, %d x 429) -> batched/one-at-a-time = %.2fx%n",
                    REQUESTS, CLIENTS, MAX_TOKENS, one.throughput(), batched.throughput(),
                    (double) batched.rows() / batched.batches(), batched.refused(),
                    batched.throughput() / one.throughput());
        }
    }

    record Load(int completions, int refused, long batches, long rows, double seconds) {
        double throughput() {
            return completions / seconds;
        }
    }

    static Load run(LocalBackend text, int maxBatch) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger completions = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (ChatServer server = new ChatServer(ServedModel.of(text), ServeConfig.of("tiny", 0)
                .withBatching(maxBatch, 8)).start()) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/chat/completions");
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                        String body = "{\"model\": \"tiny\", \"messages\": [{\"role\": \"user\", \"content\": \"the cat "
                                + "sat on the mat ".repeat(i % 5) + "\"}], \"max_tokens\": " + MAX_TOKENS
                                + ", \"temperature\": 0.8, \"seed\": " + i + ", \"stop\": [\"zzz\"]}";
                        while (true) {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            JsonNode answer = Json.mapper().readTree(r.body());
                            if (r.statusCode() == 429) {
                                assertEquals("rate_limit_error", answer.path("error").path("type").asText(), r.body());
                                refused.incrementAndGet();
                                Thread.sleep(20);
                                continue;
                            }
                            assertEquals(200, r.statusCode(), r.body());
                            assertEquals("chat.completion", answer.path("object").asText());
                            JsonNode choice = answer.path("choices").path(0);
                            assertTrue(choice.path("message").path("content").isTextual(), r.body());
                            assertTrue(List.of("stop", "length").contains(choice.path("finish_reason").asText()), r.body());
                            int tokens = answer.path("usage").path("completion_tokens").asInt();
                            assertTrue(tokens >= 1 && tokens <= MAX_TOKENS, r.body());
                            completions.incrementAndGet();
                            break;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get(5, TimeUnit.MINUTES);
                } catch (java.util.concurrent.ExecutionException e) {
                    fail("a client failed: " + e.getCause(), e.getCause());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            clients.shutdown();
            JsonNode health = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
            return new Load(completions.get(), refused.get(), health.path("batches").asLong(), health.path("rows").asLong(),
                    seconds);
        }
    }
}
