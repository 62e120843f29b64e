package dev.cota.dpo.iterate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import dev.cota.dpo.DpoRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One round of {@link IterativeDpo}: sample, score, pair, train one DPO stage, evaluate; returns its summary line. */
final class Round {

    private final IterateConfig config;
    private final Path configDir;
    private final JsonNode tree;
    private final Function<Path, ModelBackend> open;
    private final PrintStream err;
    private final RoundSampler sampler;

    Round(IterateConfig config, Path configDir, JsonNode tree, Function<Path, ModelBackend> open, RoundSampler sampler,
          PrintStream err) {
        this.config = config;
        this.configDir = configDir;
        this.tree = tree;
        this.open = open;
        this.err = err;
        this.sampler = sampler;
    }

    Map<String, Object> run(int k, Path policy, Path dir, List<IterPrompt> prompts, List<IterPrompt> heldout)
            throws IOException {
        long start = System.nanoTime();
        IterateSection it = config.iterate();
        Files.createDirectories(dir);
        Path samplesFile = dir.resolve(sampler.samplesFile());
        List<List<Sample>> samples;
        if (Files.isRegularFile(samplesFile)) {
            err.println("round " + k + ": reusing " + samplesFile);
            samples = sampler.read(samplesFile, prompts);
        } else {
            err.println("round " + k + ": sampling " + it.samples() + (it.runner() == RunnerKind.COTA ? " episodes"
                    : " replies") + " for each of " + prompts.size() + " prompts from " + policy);
            SamplingParams params = new SamplingParams(it.maxNewTokens(), it.temperature(), it.topP(),
                    it.seed() + k - 1, List.of());
            try (ModelBackend backend = open.apply(policy)) {
                samples = sampler.sample(backend, prompts, it.samples(), params);
            }
            sampler.write(samplesFile, prompts, samples);
        }
        PairBuilder.Result pairs = new PairBuilder(it.pairs(), it.maxPairsPerPrompt()).build(prompts, samples);
        Path pairsFile = dir.resolve(RoundFiles.PAIRS);
        RoundFiles.writePairs(pairsFile, pairs.pairs());

        Map<String, Object> line = new LinkedHashMap<>();
        line.put("round", k);
        line.put("policy", policy.toString());
        line.put("prompts", prompts.size());
        line.put("samples", prompts.size() * it.samples());
        line.put("sample_accuracy", accuracy(samples));
        line.put("pairs", pairs.pairs().size());
        line.put("ties_skipped", pairs.ties());
        if (it.runner() != RunnerKind.REPLY) {
            line.put("runner", it.runner().id());
            line.put("unpairable", pairs.unpairable());
        }
        Path next = policy;
        if (pairs.pairs().isEmpty()) {
            err.println("round " + k + ": every prompt's samples tie; no pairs, no DPO stage");
            line.put("trained", false);
        } else {
            Path stageConfig = dir.resolve("dpo.yaml");
            AtomicOutput.write(stageConfig, Json.yaml().writeValueAsBytes(
                    IterateConfig.stageTree(tree, configDir, policy, pairsFile)));
            Path stageDir = dir.resolve("dpo");
            Map<String, Object> stage = new DpoRun(stageConfig, List.of(), stageDir, err).run(false);
            JsonNode last = lastMetrics(stageDir);
            line.put("trained", true);
            line.put("dpo_pairs", stage.get("pairs"));
            line.put("dpo_steps", stage.get("steps"));
            line.put("reward_accuracy", last.path("rewards/accuracies").asDouble());
            line.put("reward_margin", last.path("rewards/margins").asDouble());
            line.put("loss", last.path("loss").asDouble());
            next = stageDir.resolve("final");
        }
        line.put("heldout", heldout.size());
        line.put("heldout_accuracy", evaluate(next, heldout, dir));
        line.put("policy_out", next.toString());
        line.put("seconds", (System.nanoTime() - start) / 1e9);
        err.printf("round %d: %d pairs, %d ties skipped, held-out accuracy %.3f%n", k, pairs.pairs().size(),
                pairs.ties(), (double) line.get("heldout_accuracy"));
        return line;
    }

    /**
     * Greedy answers of {@code policy} to the held-out prompts, drawn by the round's sampler, written
     * to {@code dir/heldout.jsonl} (and the sampler's own held-out file); the fraction right.
     */
    private double evaluate(Path policy, List<IterPrompt> heldout, Path dir) throws IOException {
        List<List<Sample>> answers;
        try (ModelBackend backend = open.apply(policy)) {
            answers = sampler.sample(backend, heldout, 1, SamplingParams.greedy(config.iterate().evalMaxNewTokens()));
        }
        if (sampler.heldoutFile() != null) {
            sampler.write(dir.resolve(sampler.heldoutFile()), heldout, answers);
        }
        List<Object> lines = new ArrayList<>();
        int right = 0;
        for (int i = 0; i < heldout.size(); i++) {
            Sample s = answers.get(i).get(0);
            right += s.score() >= 1 ? 1 : 0;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", heldout.get(i).id());
            m.put("answer", heldout.get(i).answer());
            m.put("reply", s.text());
            m.put("prediction", s.prediction());
            m.put("correct", s.score() >= 1);
            lines.add(m);
        }
        RoundFiles.writeLines(dir.resolve(RoundFiles.HELDOUT), lines);
        return (double) right / heldout.size();
    }

    private static double accuracy(List<List<Sample>> samples) {
        long n = samples.stream().mapToLong(List::size).sum();
        double right = samples.stream().flatMap(List::stream).mapToDouble(Sample::score).sum();
        return n == 0 ? 0 : right / n;
    }

    /** The stage's last logged metrics line (TRL's names: {@code rewards/accuracies}, ...). */
    private static JsonNode lastMetrics(Path stageDir) throws IOException {
        List<String> lines = Files.readAllLines(stageDir.resolve("metrics.jsonl"));
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return Json.mapper().readTree(lines.get(i));
            }
        }
        return Json.mapper().createObjectNode();
    }
}
