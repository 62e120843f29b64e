package dev.cota.cli.bench;

import dev.cota.bench.Judge;
import dev.cota.bench.judge.JudgeConfig;
import dev.cota.bench.judge.Judges;
import dev.cota.core.config.ConfigException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --judge-*} options shared by the bench commands that score: a judge is used only when
 * both {@code --judge-model} and {@code --judge-base-url} are given (one without the other is a usage
 * error), built by {@link Judges#open} and cached under {@code --judge-cache}.
 */
public final class JudgeOptions {

    @Option(names = "--judge-model", paramLabel = "MODEL",
            description = "Judge model for the suites whose official evaluation asks an LLM (e.g. gpt-4-0613). "
                    + "Without it those items are marked unjudged and the summary says judge: none.")
    String model;

    @Option(names = "--judge-base-url", paramLabel = "URL",
            description = "OpenAI-compatible API root of the judge, e.g. https://api.openai.com/v1.")
    String baseUrl;

    @Option(names = "--judge-key-env", paramLabel = "NAME", defaultValue = JudgeConfig.DEFAULT_KEY_ENV,
            description = "Environment variable holding the judge's API key, read at the first uncached call "
                    + "(default: ${DEFAULT-VALUE}).")
    String keyEnv;

    @Option(names = "--judge-cache", paramLabel = "DIR", defaultValue = "results/judge-cache",
            description = "Directory caching every judge call, so re-scoring is free (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--judge-runs", paramLabel = "N", defaultValue = "1",
            description = "Grading runs per item where the official grader repeats them (MM-Vet's num_run; "
                    + "default: ${DEFAULT-VALUE}, the script's default; its paper used 5).")
    int runs;

    /** The configured judge, or null when no judge was asked for. */
    public Judge open() {
        if (model == null && baseUrl == null) {
            return null;
        }
        if (model == null || baseUrl == null) {
            throw new ConfigException("a judge needs both --judge-model and --judge-base-url");
        }
        JudgeConfig config;
        try {
            config = new JudgeConfig(baseUrl, model, keyEnv, runs);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        return Judges.open(config, cache);
    }

    /** Prints how many judge calls the cache answered and how many were asked (nothing without a judge). */
    static void report(Judge judge, java.io.PrintWriter err) {
        if (judge instanceof dev.cota.bench.judge.CachedJudge c) {
            err.println("judge " + c.model() + ": " + c.hits() + " cached, " + c.misses() + " asked (cache " + c.dir() + ")");
            err.flush();
        }
    }
}
