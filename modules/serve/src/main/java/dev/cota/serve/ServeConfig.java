package dev.cota.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ChatServer} listens and batches. Validated here, so a bad value fails before the
 * model loads.
 *
 * @param host the address to bind (127.0.0.1 keeps the server to this host)
 * @param port the port; 0 picks a free one
 * @param modelName the id clients name in {@code model} and {@code GET /v1/models} lists
 * @param maxBatch rows (choices) generated together at most; 1 serves one request at a time
 * @param queue requests that may wait while a batch runs; one more is answered 429
 * @param apiKey the key clients must send as {@code Authorization: Bearer}; null for none
 * @param maxRequestBytes the largest request body; larger is answered 413
 * @param defaultMaxTokens reply length when a request names no {@code max_tokens} (cut to the context)
 * @param shutdownGrace how long {@link ChatServer#close()} waits for requests in flight
 */
public record ServeConfig(String host, int port, String modelName, int maxBatch, int queue, String apiKey,
                          int maxRequestBytes, int defaultMaxTokens, Duration shutdownGrace) {

    /** Bind address by default: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Rows per batch by default: batching pays on CPU and GPU alike at this size. */
    public static final int DEFAULT_MAX_BATCH = 8;
    /** Waiting requests by default. */
    public static final int DEFAULT_QUEUE = 64;
    /** Request body limit by default: a few images as base64 data URLs. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 32 << 20;
    /** Reply length when a request gives none. */
    public static final int DEFAULT_MAX_TOKENS = 512;

    public ServeConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("model name is empty");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("max batch must be >= 1, got " + maxBatch);
        }
        if (queue < 1) {
            throw new IllegalArgumentException("queue must be >= 1, got " + queue);
        }
        if (apiKey != null && apiKey.isBlank()) {
            throw new IllegalArgumentException("the API key is empty");
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("max request bytes must be >= 1024, got " + maxRequestBytes);
        }
        if (defaultMaxTokens < 1) {
            throw new IllegalArgumentException("default max tokens must be >= 1, got " + defaultMaxTokens);
        }
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdown grace must be >= 0, got " + shutdownGrace);
        }
    }

    /** Defaults for everything but the model's name and the port. */
    public static ServeConfig of(String modelName, int port) {
        return new ServeConfig(DEFAULT_HOST, port, modelName, DEFAULT_MAX_BATCH, DEFAULT_QUEUE, null,
                DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_TOKENS, Duration.ofSeconds(30));
    }

    /** This config with other batching limits. */
    public ServeConfig withBatching(int batch, int waiting) {
        return new ServeConfig(host, port, modelName, batch, waiting, apiKey, maxRequestBytes, defaultMaxTokens,
                shutdownGrace);
    }

    /** This config requiring {@code key} (null for none). */
    public ServeConfig withApiKey(String key) {
        return new ServeConfig(host, port, modelName, maxBatch, queue, key, maxRequestBytes, defaultMaxTokens,
                shutdownGrace);
    }

    /** This config with another reply length for requests that name none. */
    public ServeConfig withDefaultMaxTokens(int tokens) {
        return new ServeConfig(host, port, modelName, maxBatch, queue, apiKey, maxRequestBytes, tokens, shutdownGrace);
    }

    /** This config with another request size limit. */
    public ServeConfig withMaxRequestBytes(int bytes) {
        return new ServeConfig(host, port, modelName, maxBatch, queue, apiKey, bytes, defaultMaxTokens, shutdownGrace);
    }

    @Override
    public String toString() {
        // Never the key.
        return "ServeConfig[" + host + ":" + port + ", model=" + modelName + ", maxBatch=" + maxBatch + ", queue="
                + queue + ", apiKey=" + (apiKey == null ? "none" : "***") + ", maxRequestBytes=" + maxRequestBytes + "]";
    }
}
