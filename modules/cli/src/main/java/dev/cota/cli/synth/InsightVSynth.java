package dev.cota.cli.synth;

import ai.djl.Device;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.ModelBackends;
import dev.cota.core.config.ConfigException;
import dev.cota.core.config.Configs;
import dev.cota.core.json.Json;
import dev.cota.synth.insightv.InsightVConfig;
import dev.cota.synth.insightv.InsightVDatasets;
import dev.cota.synth.insightv.InsightVGenerator;
import dev.cota.synth.insightv.InsightVPrompts;
import dev.cota.synth.model.QaPairs;
import dev.cota.synth.run.SynthRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cota synth --generator insight-v}: Insight-V's data pipeline (progressive chains, judge,
 * path scores, reasoning and summary datasets) from {@code --config}, with the chain model from
 * {@code --model}, the judge from {@code --judge-model} and the scorer from {@code --score-model}
 * (each defaulting to the one before). Resumable: the same command continues a run.
 */
final class InsightVSynth {

    private InsightVSynth() {
    }

    /** Runs (or resumes) the pipeline into {@code out}; returns the summary line's fields. */
    static Map<String, Object> run(Path config, List<String> overrides, String model, String judgeModel,
                                   String scoreModel, String apiKeyEnv, Device device, Path out, PrintStream progress)
            throws IOException, InterruptedException {
        if (config == null) {
            throw new ConfigException("--generator insight-v needs --config YAML (e.g. configs/synth/insight-v.yaml)");
        }
        if (model == null) {
            throw new ConfigException("--generator insight-v needs --model SPEC: local:DIR or openai:MODEL@BASE_URL");
        }
        InsightVConfig cfg = Configs.load(config, InsightVConfig.class, overrides);
        Path base = config.toAbsolutePath().getParent();
        InsightVPrompts prompts = InsightVPrompts.load(base, cfg.prompts());
        Path source = Path.of(cfg.source());
        if (!Files.exists(source)) {
            throw new ConfigException(config + ": source " + source + ": no such file");
        }
        QaPairs pairs = QaPairs.read(source, cfg.format(), cfg.maxPerImage(), cfg.seed());
        String judgeSpec = judgeModel == null ? model : judgeModel;
        String scoreSpec = scoreModel == null ? judgeSpec : scoreModel;
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("generator", "insight-v");
        run.put("model", model);
        run.put("judge-model", judgeSpec);
        run.put("score-model", scoreSpec);
        run.put("config", Json.mapper().convertValue(Configs.readTree(config, overrides), Map.class));
        Map<String, Object> manifest;
        Map<String, ModelBackend> open = new LinkedHashMap<>();
        try {
            for (String spec : List.of(model, judgeSpec, scoreSpec)) {
                if (!open.containsKey(spec)) {
                    open.put(spec, ModelBackends.open(spec, apiKeyEnv, System::getenv, device));
                }
            }
            InsightVGenerator gen = new InsightVGenerator(cfg, prompts, pairs, open.get(model), open.get(judgeSpec),
                    open.get(scoreSpec));
            manifest = SynthRun.run(gen, out, cfg.threads(), run, progress);
        } finally {
            for (ModelBackend b : new ArrayList<>(open.values())) {
                b.close();
            }
        }
        Map<String, Object> section = InsightVDatasets.finish(out, cfg, manifest);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("records_read", pairs.read());
        summary.put("records_skipped", pairs.skipped());
        for (String k : List.of("tasks", "kept", "dropped", "dropped_by_reason", "traces_by_label")) {
            summary.put(k, manifest.get(k));
        }
        summary.put("insight_v", section);
        summary.put("out", out.toString());
        return summary;
    }
}
