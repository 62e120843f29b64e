package dev.cota.cli.synth;

import dev.cota.cli.JsonOutput;
import dev.cota.core.config.ConfigException;
import dev.cota.core.config.Configs;
import dev.cota.synth.program.ProgramConfig;
import dev.cota.synth.program.ProgramGenerator;
import dev.cota.synth.run.SynthRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cota synth --generator program --count N --seed S --out DIR}: generates traces into
 * {@code DIR/traces.jsonl} (and {@code heldout.jsonl}), images under {@code DIR/images/}, the
 * journal {@code tasks.jsonl} and {@code manifest.json}; re-running the same command resumes. Prints
 * the manifest's counts as one JSON line.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate CoTA / Direct / CoT traces whose actions run the real tools (resumable).")
public final class SynthCommand implements Callable<Integer> {

    /** The generators this build has; the model, MM-Traj and Insight-V pipelines are not built yet. */
    private static final List<String> GENERATORS = List.of("program");

    @Spec
    CommandSpec spec;

    @Option(names = "--generator", required = true, paramLabel = "NAME", description = "Which generator: program.")
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

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (resumed when it exists).")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!GENERATORS.contains(generator)) {
            throw new ConfigException("--generator '" + generator + "' is not available; generators: "
                    + String.join(", ", GENERATORS));
        }
        System.setProperty("java.awt.headless", "true");
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
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String k : List.of("tasks", "kept", "dropped", "dropped_by_reason", "traces_by_split", "traces_by_variant",
                "tool_calls")) {
            summary.put(k, manifest.get(k));
        }
        summary.put("out", out.toString());
        JsonOutput.line(spec.commandLine().getOut(), summary);
        return 0;
    }
}
