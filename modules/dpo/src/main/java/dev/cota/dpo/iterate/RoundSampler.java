package dev.cota.dpo.iterate;

import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How a round of {@link IterativeDpo} draws and scores samples from a policy, and keeps them on disk
 * so an unfinished round can reuse them: {@code iterate.runner} picks the implementation
 * ({@link ReplySampler}, {@link EpisodeSampler}). The same sampler answers the held-out prompts
 * (one greedy sample each), so a round's accuracy is measured the way its samples were drawn.
 */
public interface RoundSampler {

    /** The sampler {@code iterate.runner} names. */
    static RoundSampler of(IterateSection it) {
        return switch (it.runner()) {
            case REPLY -> new ReplySampler(it);
            case COTA -> new EpisodeSampler(it);
        };
    }

    /** The prompts to ask, out of those read; by default all of them, in order. */
    default List<IterPrompt> prompts(List<IterPrompt> read) {
        return read;
    }

    /**
     * {@code n} scored samples per prompt, in prompt order. Batches of {@code iterate.batch-size}
     * are drawn with seed {@code params.seed + batch index}.
     */
    List<List<Sample>> sample(ModelBackend policy, List<IterPrompt> prompts, int n, SamplingParams params);

    /** The file name of a round's samples ({@link #write}). */
    String samplesFile();

    /** The file name the held-out samples are also written to (beside {@code heldout.jsonl}), or null for none. */
    String heldoutFile();

    /** Writes the samples of {@code prompts}, atomically. */
    void write(Path file, List<IterPrompt> prompts, List<List<Sample>> samples) throws IOException;

    /** The samples {@link #write} wrote for the same prompts; a file for other prompts is an error. */
    List<List<Sample>> read(Path file, List<IterPrompt> prompts) throws IOException;
}
