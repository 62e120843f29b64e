package dev.cota.bench.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.bench.Judge;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import dev.cota.core.json.JsonValues;
import dev.cota.core.provenance.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Judge} that answers every call it has seen from disk, so re-scoring is free and gives the
 * same grades. The key is the SHA-256 of the canonical JSON {@code [model, prompt, temperature,
 * max_tokens]} (with the attempt appended when it is not the first asking of that request); each
 * entry is one JSON file {@code <dir>/<2 hex>/<sha256>.json} holding the request and the reply,
 * written atomically (temporary name, then rename), so a killed run leaves no torn entry. Within a
 * process, concurrent calls with the same key wait for one another: the endpoint is asked once.
 * An entry whose stored request differs from the call's (a hash collision, an edited file) is an error.
 */
public final class CachedJudge implements Judge {

    private final Judge inner;
    private final Path dir;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public CachedJudge(Judge inner, Path dir) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    @Override
    public String model() {
        return inner.model();
    }

    @Override
    public int runs() {
        return inner.runs();
    }

    @Override
    public String complete(String prompt, double temperature, int maxTokens) throws IOException {
        return complete(prompt, temperature, maxTokens, 0);
    }

    @Override
    public String complete(String prompt, double temperature, int maxTokens, int attempt) throws IOException {
        return complete(null, prompt, temperature, maxTokens, attempt);
    }

    @Override
    public String complete(String system, String prompt, double temperature, int maxTokens, int attempt)
            throws IOException {
        Map<String, Object> request = request(system, prompt, temperature, maxTokens, attempt);
        String key = key(request);
        Path file = dir.resolve(key.substring(0, 2)).resolve(key + ".json");
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            String cached = read(file, request);
            if (cached != null) {
                hits.incrementAndGet();
                return cached;
            }
            String reply = inner.complete(system, prompt, temperature, maxTokens, attempt);
            misses.incrementAndGet();
            Map<String, Object> entry = new LinkedHashMap<>(request);
            entry.put("reply", reply);
            AtomicOutput.write(file, (JsonValues.toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8));
            return reply;
        }
    }

    /** Calls answered from the cache so far. */
    public long hits() {
        return hits.get();
    }

    /** Calls that went to the wrapped judge so far. */
    public long misses() {
        return misses.get();
    }

    /** The cache directory. */
    public Path dir() {
        return dir;
    }

    private Map<String, Object> request(String system, String prompt, double temperature, int maxTokens, int attempt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", inner.model());
        if (system != null) {
            m.put("system", system);
        }
        m.put("prompt", prompt);
        m.put("temperature", temperature);
        m.put("max_tokens", maxTokens);
        m.put("attempt", attempt);
        return m;
    }

    /**
     * SHA-256 hex of the canonical request; the first asking's key leaves the attempt out, and a call
     * without a system message leaves the system out (so user-only entries keep their keys).
     */
    static String key(Map<String, Object> request) {
        java.util.List<Object> parts = new java.util.ArrayList<>(java.util.List.of(request.get("model"),
                request.get("prompt"), request.get("temperature"), request.get("max_tokens")));
        if ((Integer) request.get("attempt") != 0) {
            parts.add(request.get("attempt"));
        }
        if (request.containsKey("system")) {
            parts.add(java.util.Map.of("system", request.get("system")));
        }
        return Hashing.sha256(JsonValues.toJson(parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The cached reply, or null when there is no entry. */
    private static String read(Path file, Map<String, Object> request) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        JsonNode n;
        try {
            n = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new IOException(file + ": judge cache entry is not JSON (delete it to ask again): " + e.getMessage());
        }
        for (Map.Entry<String, Object> e : request.entrySet()) {
            JsonNode v = n == null ? null : n.get(e.getKey());
            boolean same = v != null && (e.getValue() instanceof String s ? v.isTextual() && v.asText().equals(s)
                    : e.getValue() instanceof Integer i ? v.isIntegralNumber() && v.asInt() == i
                    : v.isNumber() && v.asDouble() == (Double) e.getValue());
            if (!same) {
                throw new IOException(file + ": judge cache entry holds another request (field '" + e.getKey()
                        + "'); delete it to ask again");
            }
        }
        JsonNode reply = n.get("reply");
        if (reply == null || !reply.isTextual()) {
            throw new IOException(file + ": judge cache entry has no reply text (delete it to ask again)");
        }
        return reply.asText();
    }
}
