package dev.cota.synth.program;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The program generator's recipe ({@code configs/synth/program.yaml}), bound strictly. Defaults:
 * {@code count: 100}, {@code seed: 0}, every template at weight 1, {@code variants: [cota]},
 * {@code prompt: simple}, no held-out tasks, {@code threads: 2}, {@code tool-timeout-ms: 60000}.
 *
 * @param count how many questions (tasks) to generate; each gives one trace per variant unless dropped
 * @param seed fixes every image, question and split
 * @param templates template name to relative weight (its expected share of the tasks)
 * @param variants which of {@code cota}, {@code direct}, {@code cot} to emit for each question
 * @param prompt the system prompt: {@code simple} (TACO's {@code --simple-prompt}), {@code full}, or {@code none}
 * @param heldout which tasks go to {@code heldout.jsonl} instead of {@code traces.jsonl}
 * @param threads tasks run at once
 * @param toolTimeoutMs how long one tool call may run
 */
public record ProgramConfig(
        @JsonProperty("count") Integer count,
        @JsonProperty("seed") Long seed,
        @JsonProperty("templates") Map<String, Double> templates,
        @JsonProperty("variants") List<String> variants,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("heldout") Heldout heldout,
        @JsonProperty("threads") Integer threads,
        @JsonProperty("tool-timeout-ms") Long toolTimeoutMs) {

    /** The variants a question can be written in (TACO's data-mix ablations). */
    public static final List<String> VARIANTS = List.of("cota", "direct", "cot");

    public ProgramConfig {
        count = count == null ? 100 : count;
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        seed = seed == null ? 0L : seed;
        if (templates == null) {
            templates = new LinkedHashMap<>();
            for (String t : Templates.names()) {
                templates.put(t, 1.0);
            }
        }
        double total = 0;
        for (Map.Entry<String, Double> e : templates.entrySet()) {
            if (Templates.get(e.getKey()) == null) {
                throw new IllegalArgumentException("unknown template '" + e.getKey() + "'; templates: "
                        + String.join(", ", Templates.names()));
            }
            if (e.getValue() == null || !(e.getValue() >= 0) || e.getValue().isInfinite()) {
                throw new IllegalArgumentException("template '" + e.getKey() + "' needs a weight >= 0, got " + e.getValue());
            }
            total += e.getValue();
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("templates need a positive total weight");
        }
        templates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(templates));
        variants = variants == null ? List.of("cota") : List.copyOf(variants);
        if (variants.isEmpty() || Set.copyOf(variants).size() != variants.size()) {
            throw new IllegalArgumentException("variants must name at least one of cota, direct, cot, each once");
        }
        for (String v : variants) {
            if (!VARIANTS.contains(v)) {
                throw new IllegalArgumentException("unknown variant '" + v + "'; variants: cota, direct, cot");
            }
        }
        prompt = prompt == null ? "simple" : prompt;
        if (!List.of("simple", "full", "none").contains(prompt)) {
            throw new IllegalArgumentException("prompt must be simple, full or none, got '" + prompt + "'");
        }
        heldout = heldout == null ? new Heldout(null, null) : heldout;
        for (String t : heldout.templates()) {
            if (!templates.containsKey(t)) {
                throw new IllegalArgumentException("held-out template '" + t + "' is not among the templates");
            }
        }
        threads = threads == null ? 2 : threads;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        toolTimeoutMs = toolTimeoutMs == null ? 60_000L : toolTimeoutMs;
        if (toolTimeoutMs <= 0) {
            throw new IllegalArgumentException("tool-timeout-ms must be > 0, got " + toolTimeoutMs);
        }
    }

    /** The defaults. */
    public static ProgramConfig defaults() {
        return new ProgramConfig(null, null, null, null, null, null, null, null);
    }

    /** A copy with another count, seed and variants (the CLI's options); null keeps the value. */
    public ProgramConfig with(Integer newCount, Long newSeed, List<String> newVariants) {
        return new ProgramConfig(newCount == null ? count : newCount, newSeed == null ? seed : newSeed, templates,
                newVariants == null ? variants : newVariants, prompt, heldout, threads, toolTimeoutMs);
    }

    /**
     * Which tasks are held out: every task of the named templates, and a {@code fraction} of the
     * others drawn by the seed. Defaults: fraction 0, no templates.
     */
    public record Heldout(@JsonProperty("fraction") Double fraction, @JsonProperty("templates") List<String> templates) {

        public Heldout {
            fraction = fraction == null ? 0.0 : fraction;
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("heldout.fraction must be within 0..1, got " + fraction);
            }
            templates = templates == null ? List.of() : List.copyOf(templates);
        }
    }
}
