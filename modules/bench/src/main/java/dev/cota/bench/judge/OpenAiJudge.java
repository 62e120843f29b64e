package dev.cota.bench.judge;

import dev.cota.agent.backend.BackendException;
import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.OpenAiBackend;
import dev.cota.agent.backend.OpenAiConfig;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.bench.Judge;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link Judge} on any OpenAI-compatible chat-completions endpoint, through the agent's
 * {@link OpenAiBackend} (retries with backoff on 429, 5xx, timeouts; the key only in memory): each
 * call is one user message with the official temperature and {@code max_tokens} ({@code top_p} 1 and
 * seed 0 are sent too, which the official scripts leave at the server's defaults). The backend, and
 * with it the key, is made at the first call, not at construction: a re-score answered wholly from a
 * {@link CachedJudge} needs neither key nor network, and a missing key is an error at the first call
 * that needs the endpoint.
 */
public final class OpenAiJudge implements Judge {

    private final JudgeConfig config;
    private final Function<String, String> env;
    private OpenAiBackend backend;

    /** A judge reading its key from the process environment. */
    public OpenAiJudge(JudgeConfig config) {
        this(config, System::getenv);
    }

    /** A judge reading its key through {@code env} (the process environment, or a map in tests). */
    public OpenAiJudge(JudgeConfig config, Function<String, String> env) {
        this.config = Objects.requireNonNull(config, "config");
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public String model() {
        return config.model();
    }

    @Override
    public int runs() {
        return config.runs();
    }

    @Override
    public String complete(String prompt, double temperature, int maxTokens) throws IOException {
        return complete(null, prompt, temperature, maxTokens, 0);
    }

    @Override
    public String complete(String system, String prompt, double temperature, int maxTokens, int attempt)
            throws IOException {
        if (ChatMessage.placeholders(prompt) > 0 || (system != null && ChatMessage.placeholders(system) > 0)) {
            // The agent's ChatMessage reads "<image>" as an image slot; sending it altered would grade another text.
            throw new IOException("the judge prompt holds the text " + ChatMessage.IMAGE
                    + ", which the OpenAI backend reads as an image placeholder; it cannot be sent unchanged");
        }
        try {
            List<ChatMessage> messages = system == null ? List.of(ChatMessage.user(prompt))
                    : List.of(ChatMessage.system(system), ChatMessage.user(prompt));
            return backend().complete(List.of(messages),
                    new SamplingParams(maxTokens, temperature, 1, 0, List.of())).get(0);
        } catch (BackendException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private synchronized OpenAiBackend backend() {
        if (backend == null) {
            String key = env.apply(config.apiKeyEnv());
            if (key == null || key.isBlank()) {
                throw new BackendException("the API key variable " + config.apiKeyEnv() + " is not set (set it, "
                        + "to any value for an endpoint that needs none, or name another with --judge-key-env)");
            }
            backend = new OpenAiBackend(OpenAiConfig.of(config.baseUrl(), config.model())
                    .withApiKeyEnv(config.apiKeyEnv()), env);
        }
        return backend;
    }

    @Override
    public String toString() {
        return "OpenAiJudge[model=" + config.model() + ", base_url=" + config.baseUrl() + ", key from $"
                + config.apiKeyEnv() + "]";
    }
}
