package dev.cota.synth.mmtraj;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cota.synth.model.ModelConfig.Sampling;
import java.util.List;

/**
 * The MM-Traj pipeline's recipe ({@code configs/synth/mm-traj.yaml}), bound strictly. Defaults:
 * {@code tasks: 8}, {@code seed: 0}, tools OCR, Crop, ZoomIn, Calculate, SolveMathEquation,
 * {@code examples: mm-traj/examples.jsonl}, {@code examples-per-query: 3}, {@code prompts: mm-traj},
 * no image pool, {@code images: select}, {@code max-files: 3} (T3-Agent keeps at most 3 images),
 * {@code max-iterations: 8}, both verifiers on, {@code revise-query: true}, generator sampling at
 * temperature 1 (T3-Agent's), solver greedy, verifiers at temperature 0.2 (its trajectory verifier's),
 * {@code threads: 2}, {@code tool-timeout-ms: 120000}.
 *
 * @param tasks queries to generate; each is one task
 * @param seed fixes the in-context examples drawn and the sampling seeds
 * @param tools the cota tools the queries are written for and the agent calls
 * @param examples in-context example queries (JSON Lines {@code {"query", "tools"}}), relative to the YAML
 * @param examplesPerQuery examples shown in each query-generation prompt
 * @param prompts the directory of prompt files, relative to the YAML
 * @param imagePool a dataset cota reads or a directory of images to select images from (relative to
 *     the working directory); null for none: a task that needs an image is then dropped
 * @param imagePoolFormat the pool dataset's format, or {@code auto}
 * @param images {@code select} (from the pool, by caption); {@code generate} needs a diffusion model
 * @param maxFiles files (images included) one task may have
 * @param maxIterations the agent's model turns at most
 * @param verifyQueryFile whether the query-file verifier runs
 * @param verifyTrajectory whether the trajectory verifier runs
 * @param reviseQuery whether a rejected query is verified once more as the verifier's {@code updated_query}
 * @param generatorSampling how queries, file plans and file contents are sampled
 * @param solverSampling how the agent's turns are sampled
 * @param verifierSampling how verdicts are sampled
 * @param threads tasks run at once
 * @param toolTimeoutMs how long one tool call may run
 */
public record MmTrajConfig(
        @JsonProperty("tasks") Integer tasks,
        @JsonProperty("seed") Long seed,
        @JsonProperty("tools") List<String> tools,
        @JsonProperty("examples") String examples,
        @JsonProperty("examples-per-query") Integer examplesPerQuery,
        @JsonProperty("prompts") String prompts,
        @JsonProperty("image-pool") String imagePool,
        @JsonProperty("image-pool-format") String imagePoolFormat,
        @JsonProperty("images") String images,
        @JsonProperty("max-files") Integer maxFiles,
        @JsonProperty("max-iterations") Integer maxIterations,
        @JsonProperty("verify-query-file") Boolean verifyQueryFile,
        @JsonProperty("verify-trajectory") Boolean verifyTrajectory,
        @JsonProperty("revise-query") Boolean reviseQuery,
        @JsonProperty("generator-sampling") Sampling generatorSampling,
        @JsonProperty("solver-sampling") Sampling solverSampling,
        @JsonProperty("verifier-sampling") Sampling verifierSampling,
        @JsonProperty("threads") Integer threads,
        @JsonProperty("tool-timeout-ms") Long toolTimeoutMs) {

    /** The built-in tools the default recipe gives the agent. */
    public static final List<String> DEFAULT_TOOLS = List.of("OCR", "Crop", "ZoomIn", "Calculate", "SolveMathEquation");

    public MmTrajConfig {
        tasks = positive("tasks", tasks, 8);
        seed = seed == null ? 0L : seed;
        tools = tools == null ? DEFAULT_TOOLS : List.copyOf(tools);
        if (tools.isEmpty()) {
            throw new IllegalArgumentException("tools must name at least one tool");
        }
        examples = examples == null ? "mm-traj/examples.jsonl" : examples;
        examplesPerQuery = positive("examples-per-query", examplesPerQuery, 3);
        prompts = prompts == null ? "mm-traj" : prompts;
        imagePoolFormat = imagePoolFormat == null ? "auto" : imagePoolFormat;
        images = images == null ? "select" : images;
        if ("generate".equals(images)) {
            throw new IllegalArgumentException("images: generate needs a text-to-image diffusion model, which cota"
                    + " does not have; use images: select with an image-pool");
        }
        if (!"select".equals(images)) {
            throw new IllegalArgumentException("images must be select or generate, got '" + images + "'");
        }
        maxFiles = positive("max-files", maxFiles, 3);
        maxIterations = positive("max-iterations", maxIterations, 8);
        verifyQueryFile = verifyQueryFile == null || verifyQueryFile;
        verifyTrajectory = verifyTrajectory == null || verifyTrajectory;
        reviseQuery = reviseQuery == null || reviseQuery;
        generatorSampling = generatorSampling == null ? new Sampling(2048, 1.0, 1.0) : generatorSampling;
        solverSampling = solverSampling == null ? new Sampling(null, null, null) : solverSampling;
        verifierSampling = verifierSampling == null ? new Sampling(2048, 0.2, 1.0) : verifierSampling;
        threads = positive("threads", threads, 2);
        toolTimeoutMs = toolTimeoutMs == null ? 120_000L : toolTimeoutMs;
        if (toolTimeoutMs <= 0) {
            throw new IllegalArgumentException("tool-timeout-ms must be > 0, got " + toolTimeoutMs);
        }
    }

    private static int positive(String key, Integer value, int dflt) {
        int v = value == null ? dflt : value;
        if (v < 1) {
            throw new IllegalArgumentException(key + " must be >= 1, got " + v);
        }
        return v;
    }
}
