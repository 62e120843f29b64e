package dev.cota.cli.synth;

import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.ModelBackends;
import dev.cota.agent.runner.CotaRunner;
import dev.cota.agent.tool.Tool;
import dev.cota.agent.tool.remote.RemoteTool;
import dev.cota.cli.JsonOutput;
import dev.cota.cli.model.DeviceMixin;
import dev.cota.core.config.ConfigException;
import dev.cota.core.config.Configs;
import dev.cota.synth.model.ModelConfig;
import dev.cota.synth.model.ModelGenerator;
import dev.cota.synth.model.QaPairs;
import dev.cota.synth.program.ProgramConfig;
import dev.cota.synth.program.ProgramGenerator;
import dev.cota.synth.run.SynthRun;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cota synth --generator program --count N --seed S --out DIR} (model-free) or
 * {@code cota synth --generator model --config YAML --model SPEC --out DIR} (TACO's model-generated
 * CoTA with any backend) or {@code cota synth --generator insight-v --config YAML --model SPEC
 * [--judge-model SPEC] [--score-model SPEC] --out DIR} (Insight-V's pipeline, see {@link InsightVSynth}):
 * generates traces into {@code DIR/traces.jsonl} (and {@code heldout.jsonl}),
 * images under {@code DIR/images/}, the journal {@code tasks.jsonl} and {@code manifest.json};
 * re-running the same command resumes. Prints the manifest's counts as one JSON line.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate CoTA / Direct / CoT traces whose actions run the real tools (resumable).")
public final class SynthCommand implements Callable<Integer> {

    /** The generators this build has. */
    private static final List<String> GENERATORS = List.of("program", "model", "mm-traj", "insight-v");

    @Spec
    CommandSpec spec;

    @Option(names = "--generator", required = true, paramLabel = "NAME",
            description = "Which generator: program, model, mm-traj or insight-v.")
    String generator;

    @Option(names = "--config", paramLabel = "YAML",
            description = "Generator recipe, e.g. configs/synth/program.yaml. Default: the built-in defaults.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config value (repeatable), e.g. prompt=full.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--count", paramLabel = "N", description = "Questions to generate (overrides the config's count).")
    Integer count;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (overrides the config's seed).")
    Long seed;

    @Option(names = "--variants", split = ",", paramLabel = "V",
            description = "Variants to write, of cota, direct, cot (overrides the config's variants).")
    List<String> variants;

    @Option(names = "--threads", paramLabel = "N", description = "Tasks run at once (overrides the config's threads).")
    Integer threads;

    @Mixin
    DeviceMixin device;

    @Option(names = "--model", paramLabel = "SPEC",
            description = "model: the backend, local:DIR (a cota checkpoint) or openai:MODEL@BASE_URL.")
    String model;

    @Option(names = "--judge-model", paramLabel = "SPEC",
            description = "insight-v: the answer-filter judge (default: --model).")
    String judgeModel;

    @Option(names = "--score-model", paramLabel = "SPEC",
            description = "insight-v: the reasoning-path scorer (default: --judge-model).")
    String scoreModel;

    @Option(names = "--api-key-env", defaultValue = "OPENAI_API_KEY", paramLabel = "NAME",
            description = "model: environment variable holding the endpoint's key. Default: ${DEFAULT-VALUE}.")
    String apiKeyEnv;

    @Option(names = "--tool-server", paramLabel = "URL",
            description = "model: tool server for model-backed tools (default: the COTA_TOOL_SERVER environment variable).")
    URI toolServer;

    @Mixin
    MmTrajOptions mmTraj;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (resumed when it exists).")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!GENERATORS.contains(generator)) {
            throw new ConfigException("--generator '" + generator + "' is not available; generators: "
                    + String.join(", ", GENERATORS));
        }
        System.setProperty("java.awt.headless", "true");
        if ("model".equals(generator)) {
            return model();
        }
        if ("insight-v".equals(generator)) {
            if (count != null || variants != null || seed != null || threads != null) {
                throw new ConfigException("--count, --variants, --seed and --threads are not insight-v options; use"
                        + " --set seed=S / --set threads=N");
            }
            JsonOutput.line(spec.commandLine().getOut(), InsightVSynth.run(config, overrides, model, judgeModel,
                    scoreModel, apiKeyEnv, device.device(), out, System.err));
            return 0;
        }
        if ("mm-traj".equals(generator)) {
            return mmTraj();
        }
        if (model != null) {
            throw new ConfigException("--model is for --generator model");
        }
        ProgramConfig base = config == null ? ProgramConfig.defaults() : Configs.load(config, ProgramConfig.class, overrides);
        if (config == null && !overrides.isEmpty()) {
            throw new ConfigException("--set needs --config");
        }
        ProgramConfig cfg;
        try {
            cfg = base.with(count, seed, variants);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("cota synth: " + e.getMessage());
        }
        int n = threads == null ? cfg.threads() : threads;
        if (n < 1) {
            throw new ConfigException("--threads must be >= 1, got " + n);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("generator", generator);
        run.put("seed", cfg.seed());
        run.put("templates", cfg.templates());
        run.put("variants", cfg.variants());
        run.put("prompt", cfg.prompt());
        run.put("heldout", Map.of("fraction", cfg.heldout().fraction(), "templates", cfg.heldout().templates()));
        PrintStream err = System.err;
        Map<String, Object> manifest = SynthRun.run(new ProgramGenerator(cfg), out, n, run, err);
        return summary(manifest, List.of("tasks", "kept", "dropped", "dropped_by_reason", "traces_by_split",
                "traces_by_variant", "tool_calls"));
    }

    /** TACO's model-generated CoTA: the recipe from --config, the backend from --model. */
    private Integer model() throws IOException, InterruptedException {
        if (config == null) {
            throw new ConfigException("--generator model needs --config YAML (e.g. configs/synth/model.yaml)");
        }
        if (model == null) {
            throw new ConfigException("--generator model needs --model SPEC: local:DIR or openai:MODEL@BASE_URL");
        }
        if (count != null || variants != null) {
            throw new ConfigException("--count and --variants are for --generator program; the model generator asks"
                    + " every drawn question of its source");
        }
        if (seed != null) {
            overrides.add("seed=" + seed);
        }
        if (threads != null) {
            overrides.add("threads=" + threads);
        }
        ModelConfig cfg = Configs.load(config, ModelConfig.class, overrides);
        Path source = Path.of(cfg.source());
        if (!java.nio.file.Files.exists(source)) {
            throw new ConfigException(config + ": source " + source + ": no such file");
        }
        QaPairs pairs = QaPairs.read(source, cfg.format(), cfg.maxPerImage(), cfg.seed());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("generator", generator);
        run.put("model", model);
        run.put("source", cfg.source());
        run.put("format", cfg.format());
        run.put("max-per-image", cfg.maxPerImage());
        run.put("seed", cfg.seed());
        run.put("max-replies", cfg.maxReplies());
        run.put("prompt", cfg.prompt());
        Map<String, Object> sampling = new LinkedHashMap<>();
        sampling.put("max-tokens", cfg.sampling().maxTokens());
        sampling.put("temperature", cfg.sampling().temperature());
        sampling.put("top-p", cfg.sampling().topP());
        run.put("sampling", sampling);
        List<Tool> tools = new ArrayList<>();
        for (Tool t : CotaRunner.tacoTools()) {
            tools.add(toolServer != null && t instanceof RemoteTool r ? r.withEndpoint(toolServer) : t);
        }
        Map<String, Object> manifest;
        try (ModelBackend backend = ModelBackends.open(model, apiKeyEnv, System::getenv, device.device())) {
            manifest = SynthRun.run(new ModelGenerator(cfg, pairs, backend, tools), out, cfg.threads(), run, System.err);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("records_read", pairs.read());
        extra.put("records_skipped", pairs.skipped());
        return summary(manifest, List.of("tasks", "kept", "dropped", "dropped_by_reason", "traces_by_label",
                "tool_calls"), extra);
    }

    /** T3-Agent's MM-Traj pipeline: the recipe from --config, the backends from --model (and --verifier-model). */
    private Integer mmTraj() throws IOException, InterruptedException {
        if (config == null || model == null) {
            throw new ConfigException("--generator mm-traj needs --config YAML (e.g. configs/synth/mm-traj.yaml) and"
                    + " --model SPEC: local:DIR or openai:MODEL@BASE_URL");
        }
        if (count != null || variants != null) {
            throw new ConfigException("--count and --variants are for --generator program; mm-traj reads tasks from"
                    + " its config (--set tasks=N)");
        }
        if (seed != null) {
            overrides.add("seed=" + seed);
        }
        if (threads != null) {
            overrides.add("threads=" + threads);
        }
        Map<String, Object> s = MmTrajSynth.run(config, overrides, model, mmTraj, apiKeyEnv, device.device(),
                toolServer, out);
        return summary(s, List.copyOf(s.keySet()));
    }

    private Integer summary(Map<String, Object> manifest, List<String> keys) {
        return summary(manifest, keys, Map.of());
    }

    /** Prints the manifest's {@code keys} (and {@code extra}) and the output directory as one JSON line. */
    private Integer summary(Map<String, Object> manifest, List<String> keys, Map<String, Object> extra) {
        Map<String, Object> summary = new LinkedHashMap<>(extra);
        for (String k : keys) {
            summary.put(k, manifest.get(k));
        }
        summary.put("out", out.toString());
        JsonOutput.line(spec.commandLine().getOut(), summary);
        return 0;
    }
}
