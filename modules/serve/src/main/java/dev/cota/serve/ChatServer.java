package dev.cota.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An OpenAI-compatible HTTP server for one model (OpenAI's Chat Completions API reference):
 * {@code POST /v1/chat/completions}, {@code GET /v1/models}, {@code GET /health}. It runs on the
 * JDK's built-in HTTP server, as cota's tool server does; requests are batched by a
 * {@link BatchScheduler}. Every answer is JSON (or an event stream); a client's mistake is a 4xx
 * in OpenAI's error shape, and no answer ever carries a stack trace. With an API key, every path
 * but {@code /health} asks for {@code Authorization: Bearer KEY}, compared in constant time.
 * Closing stops taking requests (503), lets those in flight finish, then closes the socket.
 */
public final class ChatServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChatServer.class.getName());
    /** HTTP threads kept free for quick answers (errors, 429s, health) while the rest wait on batches. */
    private static final int SPARE_THREADS = 8;

    private final ServedModel model;
    private final ServeConfig config;
    private final byte[] keyDigest;
    private final long created = System.currentTimeMillis() / 1000;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;
    private BatchScheduler scheduler;
    private ChatHandler chat;
    private HttpServer server;
    private ThreadPoolExecutor pool;

    /** A server of {@code model} (which it does not close) as {@code config} says; {@link #start()} opens it. */
    public ChatServer(ServedModel model, ServeConfig config) {
        this.model = model;
        this.config = config;
        this.keyDigest = config.apiKey() == null ? null : sha256(config.apiKey());
    }

    /** Opens the socket and starts answering; returns this server. */
    public synchronized ChatServer start() {
        if (server != null) {
            throw new IllegalStateException("the server is already started");
        }
        scheduler = new BatchScheduler(model, config.maxBatch(), config.queue());
        chat = new ChatHandler(model, config, scheduler);
        // Enough threads for every request that may wait on a batch (running + queued), plus spares,
        // so a full queue is answered 429 at once instead of waiting for a thread.
        int threads = config.maxBatch() + config.queue() + SPARE_THREADS;
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024), r -> {
            Thread t = new Thread(r, "cota-serve-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
        } catch (IOException e) {
            pool.shutdownNow();
            scheduler.close();
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** The port it listens on (the chosen one when started on port 0). */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("the server is not started");
        }
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        try (exchange) {
            try {
                route(exchange);
            } catch (ApiError e) {
                Replies.error(exchange, e);
            } catch (IOException e) {
                // The client went away mid-answer: nothing left to tell it.
                LOG.log(Level.FINE, "client gone", e);
            } catch (RuntimeException e) {
                // A fault of this server, not of the request: logged here, answered without internals.
                LOG.log(Level.WARNING, "server fault on " + exchange.getRequestURI().getPath(), e);
                Replies.error(exchange, new ApiError(500, "server_error", null, null, "internal server error"));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot answer", e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (draining) {
            throw new ApiError(503, "server_error", "shutting_down", null, "the server is shutting down");
        }
        if (path.equals("/health")) {
            allow(exchange, "GET");
            Replies.json(exchange, 200, health());
            return;
        }
        authorize(exchange);
        if (path.equals("/v1/chat/completions")) {
            allow(exchange, "POST");
            chat.handle(exchange);
        } else if (path.equals("/v1/models")) {
            allow(exchange, "GET");
            Replies.json(exchange, 200, Map.of("object", "list", "data", List.of(modelEntry())));
        } else if (path.equals("/v1/models/" + config.modelName())) {
            allow(exchange, "GET");
            Replies.json(exchange, 200, modelEntry());
        } else {
            throw new ApiError(404, "invalid_request_error", "not_found", null, "no such endpoint: " + method + " "
                    + abbreviate(path) + " (this server has POST /v1/chat/completions, GET /v1/models, GET /health)");
        }
    }

    private static void allow(HttpExchange exchange, String method) {
        if (!exchange.getRequestMethod().equals(method)) {
            exchange.getResponseHeaders().set("Allow", method);
            throw new ApiError(405, "invalid_request_error", "method_not_allowed", null,
                    exchange.getRequestMethod() + " is not allowed here; use " + method);
        }
    }

    private void authorize(HttpExchange exchange) {
        if (keyDigest == null) {
            return;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        // Digests of equal length, compared in constant time: neither the key's length nor its prefix leaks.
        if (!MessageDigest.isEqual(keyDigest, sha256(given))) {
            throw new ApiError(401, "authentication_error", "invalid_api_key", null,
                    "a valid API key is required: send Authorization: Bearer KEY");
        }
    }

    private Map<String, Object> health() {
        long[] c = scheduler.counts();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("model", config.modelName());
        out.put("queued", c[0]);
        out.put("running", c[1]);
        out.put("batches", c[2]);
        out.put("rows", c[3]);
        return out;
    }

    private Map<String, Object> modelEntry() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", config.modelName());
        m.put("object", "model");
        m.put("created", created);
        m.put("owned_by", "cota");
        return m;
    }

    /**
     * Graceful stop: new requests are answered 503, requests in flight (queued, running, streaming)
     * finish within the config's grace, then the socket closes and the batch worker stops.
     */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        draining = true;
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        scheduler.close();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
