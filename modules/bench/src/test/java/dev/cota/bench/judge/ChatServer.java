package dev.cota.bench.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.cota.core.json.Json;
import dev.cota.core.json.JsonValues;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A loopback OpenAI chat-completions endpoint for tests: answers each request from a script and records it. */
public final class ChatServer implements AutoCloseable {

    /** One request as the endpoint saw it. */
    public record Request(String model, String prompt, double temperature, int maxTokens, String authorization,
                          String system) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** Starts on 127.0.0.1 at a free port; {@code script} gives the reply text of each request. */
    public ChatServer(Function<Request, String> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            JsonNode body = Json.mapper().readTree(ex.getRequestBody().readAllBytes());
            JsonNode messages = body.get("messages");
            boolean withSystem = messages.size() == 2 && "system".equals(messages.get(0).path("role").asText());
            Request r = new Request(body.get("model").asText(),
                    messages.size() == 1 || withSystem ? messages.get(messages.size() - 1).get("content").asText() : null,
                    body.get("temperature").asDouble(), body.get("max_tokens").asInt(),
                    ex.getRequestHeaders().getFirst("Authorization"),
                    withSystem ? messages.get(0).get("content").asText() : null);
            requests.add(r);
            byte[] out = JsonValues.toJson(Map.of("choices", List.of(Map.of("index", 0,
                    "message", Map.of("role", "assistant", "content", script.apply(r))))))
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    /** The base URL to configure a judge with. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The requests received so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
