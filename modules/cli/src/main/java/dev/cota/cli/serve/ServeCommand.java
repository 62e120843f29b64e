package dev.cota.cli.serve;

import dev.cota.agent.backend.LocalBackend;
import dev.cota.cli.model.DeviceMixin;
import dev.cota.core.config.ConfigException;
import dev.cota.data.encode.ChatTemplates;
import dev.cota.serve.ChatServer;
import dev.cota.serve.ServeConfig;
import dev.cota.serve.ServedModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cota serve --model DIR}: serves a cota checkpoint over OpenAI's chat-completions API
 * ({@code POST /v1/chat/completions}, {@code GET /v1/models}, {@code GET /health}) until the
 * process is stopped; SIGTERM or Ctrl-C finishes the requests in flight first.
 */
@Command(name = "serve", description = "Serve a checkpoint as an OpenAI-compatible chat-completions endpoint.")
public final class ServeCommand implements Callable<Integer> {

    /** The environment variable an API key may come from instead of --api-key. */
    public static final String KEY_ENV = "COTA_SERVE_API_KEY";

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The checkpoint directory to serve.")
    Path model;

    @Option(names = "--port", defaultValue = "8000", paramLabel = "P",
            description = "The port to listen on (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = ServeConfig.DEFAULT_HOST, paramLabel = "H",
            description = "The address to bind; only this host can call by default. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--served-model-name", paramLabel = "NAME",
            description = "The model id clients send and GET /v1/models lists. Default: the directory's name.")
    String name;

    @Option(names = "--max-batch", defaultValue = "" + ServeConfig.DEFAULT_MAX_BATCH, paramLabel = "N",
            description = "Choices generated together at most (1: one request at a time). Default: ${DEFAULT-VALUE}.")
    int maxBatch;

    @Option(names = "--queue", defaultValue = "" + ServeConfig.DEFAULT_QUEUE, paramLabel = "N",
            description = "Requests that may wait for a batch; more are answered 429. Default: ${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--max-request-bytes", defaultValue = "" + ServeConfig.DEFAULT_MAX_REQUEST_BYTES, paramLabel = "B",
            description = "The largest request body (HTTP 413 past it). Default: ${DEFAULT-VALUE}.")
    int maxRequestBytes;

    @Option(names = "--api-key", paramLabel = "KEY", description = "Require Authorization: Bearer KEY. Default: $"
            + KEY_ENV + " if set, else no key.")
    String apiKey;

    @Mixin
    DeviceMixin device;

    @Override
    public Integer call() throws InterruptedException {
        String key = apiKey != null ? apiKey : System.getenv(KEY_ENV);
        ServeConfig config;
        try {
            config = new ServeConfig(host, port, name != null ? name : model.toAbsolutePath().normalize().getFileName()
                    .toString(), maxBatch, queue, key == null || key.isBlank() ? null : key, maxRequestBytes,
                    ServeConfig.DEFAULT_MAX_TOKENS, Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("cota serve: " + e.getMessage(), e);
        }
        if (!Files.isDirectory(model)) {
            throw new ConfigException("--model " + model + ": no such directory");
        }
        if (!Files.isRegularFile(model.resolve("config.json"))) {
            throw new ConfigException("--model " + model + ": not a checkpoint directory (no config.json)");
        }
        LocalBackend backend = LocalBackend.open(model, device.device(), ChatTemplates.AUTO);
        ServedModel served = ServedModel.of(backend);
        ChatServer server;
        try {
            server = new ChatServer(served, config).start();
        } catch (RuntimeException e) {
            served.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM or Ctrl-C: refuse new requests, finish those in flight, then free the model.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            served.close();
            stopped.countDown();
        }, "cota-serve-shutdown"));
        PrintWriter err = spec.commandLine().getErr();
        err.println("cota: serving " + config.modelName() + " on http://" + host + ":" + server.port() + "/v1"
                + " (max batch " + maxBatch + ", queue " + queue + (config.apiKey() == null ? "" : ", API key required")
                + ")");
        err.flush();
        stopped.await();
        return 0;
    }
}
