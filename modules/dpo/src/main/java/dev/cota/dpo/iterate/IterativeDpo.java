package dev.cota.dpo.iterate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cota.agent.backend.LocalBackend;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.core.DataException;
import dev.cota.core.config.ConfigException;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import dev.cota.dpo.DpoRun;
import dev.cota.dpo.config.DpoConfig;
import dev.cota.model.Devices;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code cota dpo iterate}: Insight-V's iterative DPO (Dong et al., 2024, Sec. 3.3). Round k samples
 * {@code iterate.samples} replies per training prompt from the current policy (or, with
 * {@code iterate.runner: cota}, whole CoTA agent episodes with real tools: {@link RoundSampler}),
 * scores each final answer against the reference (GAIA's rule, {@link dev.cota.data.pipeline.GaiaMatch}), builds pairs ({@link PairBuilder}; ties are
 * skipped and counted), trains one DPO stage with {@link DpoRun} from the current policy, which is
 * also the stage's reference, and answers the held-out prompts greedily with the new policy. Outputs:
 * {@code OUT/config.yaml}, {@code OUT/rounds.jsonl} (one summary line per finished round) and
 * {@code OUT/round-<k>/} ({@code samples.jsonl}, or {@code episodes.jsonl} and
 * {@code heldout-episodes.jsonl} for the cota runner, {@code pairs.jsonl}, {@code dpo.yaml}, the stage's
 * run directory {@code dpo/}, {@code heldout.jsonl}). Rerunning skips finished rounds; an unfinished
 * one reuses its samples and its stage continues from its newest checkpoint.
 */
public final class IterativeDpo {

    private final Path configFile;
    private final List<String> overrides;
    private final Path out;
    private final PrintStream err;
    private final Function<Path, ModelBackend> opener;

    /** A run whose policies are opened as {@link LocalBackend}s on {@code train.device} with {@code encode.template}. */
    public IterativeDpo(Path configFile, List<String> overrides, Path out, PrintStream err) {
        this(configFile, overrides, out, err, null);
    }

    /**
     * @param opener opens a policy checkpoint directory as a chat backend; null for the local default
     */
    public IterativeDpo(Path configFile, List<String> overrides, Path out, PrintStream err,
                        Function<Path, ModelBackend> opener) {
        this.configFile = configFile;
        this.overrides = List.copyOf(overrides);
        this.out = out.toAbsolutePath();
        this.err = err;
        this.opener = opener;
    }

    /** Runs the rounds not yet finished and returns the run's summary (every round's line, the last policy). */
    public Map<String, Object> run() throws IOException {
        IterateConfig config = IterateConfig.load(configFile, overrides);
        JsonNode tree = DpoConfig.resolvedTree(configFile, overrides);
        checkRunDir(tree);
        Files.createDirectories(out);
        AtomicOutput.write(out.resolve(DpoRun.CONFIG), Json.yaml().writeValueAsBytes(tree));
        Function<Path, ModelBackend> open = opener != null ? opener
                : dir -> LocalBackend.open(dir, Devices.resolve(config.train().device()), config.encode().template());

        RoundSampler sampler = RoundSampler.of(config.iterate());
        PromptReader.Prompts train = PromptReader.read(config.prompts().train());
        PromptReader.Prompts heldout = PromptReader.read(config.prompts().heldout());
        List<IterPrompt> trainPrompts = sampler.prompts(train.prompts());
        List<IterPrompt> heldoutPrompts = sampler.prompts(heldout.prompts());
        if (trainPrompts.size() != train.prompts().size() || heldoutPrompts.size() != heldout.prompts().size()) {
            err.println("asking each question once: " + trainPrompts.size() + " of " + train.prompts().size()
                    + " training prompts, " + heldoutPrompts.size() + " of " + heldout.prompts().size() + " held-out");
        }
        if (train.prompts().isEmpty() || heldout.prompts().isEmpty()) {
            throw new DataException(null, null, "no-prompts", "prompts.train and prompts.heldout need prompts with a"
                    + " reference answer (counts: " + train.counts() + ", " + heldout.counts() + ")");
        }
        List<JsonNode> done = RoundFiles.rounds(out);
        Path policy = done.isEmpty() ? Path.of(config.model().path())
                : Path.of(done.get(done.size() - 1).path("policy_out").asText());
        if (!done.isEmpty()) {
            err.println("rounds 1-" + done.size() + " are finished (" + out.resolve(RoundFiles.ROUNDS) + ")");
        }
        Round round = new Round(config, configFile.toAbsolutePath().getParent(), tree, open, sampler, err);
        for (int k = done.size() + 1; k <= config.iterate().rounds(); k++) {
            Map<String, Object> summary = round.run(k, policy, out.resolve("round-" + k), trainPrompts, heldoutPrompts);
            RoundFiles.appendRound(out, summary);
            policy = Path.of((String) summary.get("policy_out"));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("out", out.toString());
        result.put("rounds", RoundFiles.rounds(out).stream().map(n -> Json.mapper().convertValue(n, Map.class)).toList());
        result.put("policy", policy.toString());
        result.put("prompts", Map.of("train", train.counts(), "heldout", heldout.counts()));
        return result;
    }

    /** A directory started with another config is refused, except for a changed {@code iterate.rounds} (to extend a run). */
    private void checkRunDir(JsonNode tree) throws IOException {
        Path stored = out.resolve(DpoRun.CONFIG);
        if (!Files.isRegularFile(stored)) {
            return;
        }
        JsonNode before = Json.yaml().readTree(stored.toFile());
        if (!withoutRounds(before).equals(withoutRounds(tree))) {
            throw new ConfigException(out + ": this run directory was started with another config (" + stored
                    + "); rerun with the same config and --set values (iterate.rounds may change), or use a new --out");
        }
    }

    private static JsonNode withoutRounds(JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        if (copy.path("iterate") instanceof ObjectNode it) {
            it.remove("rounds");
        }
        return copy;
    }

}
