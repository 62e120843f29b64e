package dev.cota.bench.judge;

import dev.cota.bench.Judge;
import java.nio.file.Path;

/** The one place a run builds its judge from a {@link JudgeConfig}: the endpoint, cached on disk. */
public final class Judges {

    /** Where judge calls are cached unless a run names another directory. */
    public static final Path DEFAULT_CACHE = Path.of("results", "judge-cache");

    private Judges() {
    }

    /**
     * The judge of a config: an {@link OpenAiJudge} (key from the process environment, read at its
     * first call) behind a {@link CachedJudge} on {@code cacheDir}; uncached when {@code cacheDir} is null.
     */
    public static Judge open(JudgeConfig config, Path cacheDir) {
        Judge j = new OpenAiJudge(config);
        return cacheDir == null ? j : new CachedJudge(j, cacheDir);
    }
}
