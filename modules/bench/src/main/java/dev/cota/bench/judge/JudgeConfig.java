package dev.cota.bench.judge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Which judge a run asks: an OpenAI-compatible endpoint, the model, where its key is, and how many
 * grading runs scorers that grade repeatedly make. Bound strictly from YAML/JSON (unknown keys are
 * errors) and from the CLI's {@code --judge-*} options.
 *
 * @param baseUrl the API root as OpenAI's SDK takes it ({@code https://api.openai.com/v1}); requests
 *     go to {@code <baseUrl>/chat/completions}
 * @param model the judge model ({@code gpt-4-0613} is MM-Vet's and MathVista's official one)
 * @param apiKeyEnv the environment variable holding the key; default {@code OPENAI_API_KEY}. It is
 *     read at the first call that reaches the endpoint, so re-scoring from a full cache needs no key;
 *     endpoints that need none (a local server) accept any non-empty value
 * @param runs grading runs per item for scorers that grade repeatedly (MM-Vet's {@code --num_run});
 *     default 1, the official script's default (its paper used 5)
 */
public record JudgeConfig(
        @JsonProperty("base_url") String baseUrl,
        @JsonProperty("model") String model,
        @JsonProperty("api_key_env") String apiKeyEnv,
        @JsonProperty("runs") Integer runs) {

    /** The environment variable OpenAI's SDK reads the key from. */
    public static final String DEFAULT_KEY_ENV = "OPENAI_API_KEY";

    public JudgeConfig {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("judge base_url is required");
        }
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("judge base_url '" + baseUrl + "' is not a URL: " + e.getReason());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("judge base_url must be an http(s) URL, not '" + baseUrl + "'");
        }
        baseUrl = baseUrl.strip();
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("judge model is required");
        }
        apiKeyEnv = apiKeyEnv == null ? DEFAULT_KEY_ENV : apiKeyEnv;
        if (apiKeyEnv.isBlank()) {
            throw new IllegalArgumentException("judge api_key_env must name an environment variable");
        }
        runs = runs == null ? 1 : runs;
        if (runs < 1) {
            throw new IllegalArgumentException("judge runs must be >= 1, not " + runs);
        }
    }

    /** A config with the default key variable and one grading run. */
    public static JudgeConfig of(String baseUrl, String model) {
        return new JudgeConfig(baseUrl, model, null, null);
    }
}
