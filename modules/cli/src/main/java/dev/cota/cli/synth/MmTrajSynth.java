package dev.cota.cli.synth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.ModelBackends;
import dev.cota.agent.tool.Tool;
import dev.cota.agent.tool.Tools;
import dev.cota.agent.tool.remote.RemoteTool;
import dev.cota.core.CotaException;
import dev.cota.core.config.ConfigException;
import dev.cota.core.config.Configs;
import dev.cota.core.json.Json;
import dev.cota.core.trace.Action;
import ai.djl.Device;
import dev.cota.synth.mmtraj.ImagePool;
import dev.cota.synth.mmtraj.MmTrajConfig;
import dev.cota.synth.mmtraj.MmTrajExport;
import dev.cota.synth.mmtraj.MmTrajGenerator;
import dev.cota.synth.mmtraj.MmTrajPrompts;
import dev.cota.synth.run.SynthRun;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cota synth --generator mm-traj}: T3-Agent's MM-Traj pipeline from a recipe
 * ({@code configs/synth/mm-traj.yaml}; its examples and prompts resolve against the YAML's folder,
 * its image pool against the working directory) with the generator, solver and verifier backends;
 * writes the SynthRun outputs and {@code mm-traj.json}, and returns the summary to print.
 */
final class MmTrajSynth {

    private MmTrajSynth() {
    }

    /** Runs (or resumes) the pipeline; the summary's counts (drop reasons name the stage that dropped a task). */
    static Map<String, Object> run(Path config, List<String> overrides, String model, MmTrajOptions options,
                                   String apiKeyEnv, Device device, URI toolServer, Path out)
            throws IOException, InterruptedException {
        MmTrajConfig cfg = Configs.load(config, MmTrajConfig.class, overrides);
        Path base = config.toAbsolutePath().getParent();
        MmTrajPrompts prompts = MmTrajPrompts.load(base.resolve(cfg.prompts()));
        List<JsonNode> examples = MmTrajExport.examples(base.resolve(cfg.examples()));
        ImagePool pool = null;
        if (cfg.imagePool() != null) {
            Path p = Path.of(cfg.imagePool());
            if (!Files.exists(p)) {
                throw new ConfigException(config + ": image-pool " + p + ": no such file or directory");
            }
            pool = ImagePool.open(p, cfg.imagePoolFormat());
        }
        List<Tool> tools = new ArrayList<>();
        for (String name : cfg.tools()) {
            Tool t;
            try {
                t = Tools.get(name);
            } catch (CotaException e) {
                throw new ConfigException(config + ": tools: " + e.getMessage());
            }
            if (Action.TERMINATE.equals(t.name())) {
                throw new ConfigException(config + ": tools: the ReAct agent ends with final_answer, not Terminate");
            }
            tools.add(toolServer != null && t instanceof RemoteTool r ? r.withEndpoint(toolServer) : t);
        }
        String solverSpec = options.solverModel == null ? model : options.solverModel;
        String verifierSpec = options.verifierModel == null ? model : options.verifierModel;
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("generator", "mm-traj");
        run.put("model", model);
        run.put("solver-model", solverSpec);
        run.put("verifier-model", verifierSpec);
        run.put("config", Json.mapper().convertValue(Configs.readTree(config, overrides), Object.class));
        Map<String, ModelBackend> open = new LinkedHashMap<>();
        Map<String, Object> manifest;
        try {
            ModelBackend gen = backend(open, model, apiKeyEnv, device);
            ModelBackend solver = backend(open, solverSpec, apiKeyEnv, device);
            ModelBackend verifier = backend(open, verifierSpec, apiKeyEnv, device);
            MmTrajGenerator source = new MmTrajGenerator(cfg, prompts, examples, pool, tools, gen, solver, verifier, out);
            manifest = SynthRun.run(source, out, cfg.threads(), run, System.err);
        } finally {
            open.values().forEach(ModelBackend::close);
        }
        int records = MmTrajExport.write(out);
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String k : List.of("tasks", "kept", "dropped", "dropped_by_reason", "tool_calls")) {
            summary.put(k, manifest.get(k));
        }
        summary.put("mm_traj_records", records);
        return summary;
    }

    /** One backend per distinct spec (a local checkpoint is loaded once). */
    private static ModelBackend backend(Map<String, ModelBackend> open, String spec, String apiKeyEnv, Device device) {
        ModelBackend b = open.get(spec);
        if (b == null) {
            b = ModelBackends.open(spec, apiKeyEnv, System::getenv, device);
            open.put(spec, b);
        }
        return b;
    }
}
