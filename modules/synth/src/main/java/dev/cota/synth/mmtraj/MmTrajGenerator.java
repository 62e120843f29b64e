package dev.cota.synth.mmtraj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.agent.runner.BackendReactModel;
import dev.cota.agent.runner.ReactConfig;
import dev.cota.agent.runner.ReactRunner;
import dev.cota.agent.sandbox.SandboxConfig;
import dev.cota.agent.tool.Tool;
import dev.cota.core.DataException;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import dev.cota.core.trace.Trace;
import dev.cota.data.codec.ChatRole;
import dev.cota.data.image.ImageLoader;
import dev.cota.synth.model.ModelConfig.Sampling;
import dev.cota.synth.run.SynthSource;
import dev.cota.synth.run.TaskOutcome;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * T3-Agent's MM-Traj data generation (mat-agent/MAT-Agent {@code data_generation/gaia_pipeline}) as a
 * {@link SynthSource}, one query per task: (1) the generator model writes a query from the tool list
 * and drawn in-context examples ({@code 0_query_generation_tonggpt.py}); (2) it plans the files the
 * query needs ({@code 1_query2file_content_parallel_tonggpt.py}): images are selected from the pool
 * by caption, text files are written by the model ({@code 2_file_content2file_tonggpt.py}); (3) the
 * query-file verifier judges them, a rejected query may be replaced by its {@code updated_query} and
 * judged once more; (4) a zero-shot {@link ReactRunner} solves it ({@code 3_traj_genetation}); (5) the
 * trajectory verifier judges the trajectory. A kept task's trace is the {@code mm-traj} reader's
 * reading of its MM-Traj record, so {@link MmTrajExport} writes records equal to it. Every drop has a
 * reason the manifest counts.
 */
public final class MmTrajGenerator implements SynthSource {

    /** The trace {@code source} of kept trajectories. */
    public static final String SOURCE = "cota-synth:mm-traj";

    /** Drop reasons, in pipeline order. */
    public static final List<String> DROP_REASONS = List.of("query-unparsable", "file-plan-unparsable",
            "too-many-files", "file-type-unsupported", "no-image-pool", "image-pool-exhausted", "image-unreadable",
            "file-content-empty", "verifier-unparsable", "query-file-rejected", "no-final-answer",
            "mm-traj-unrepresentable", "trajectory-rejected");

    private final MmTrajConfig config;
    private final MmTrajPrompts prompts;
    private final List<JsonNode> examples;
    private final ImagePool pool;
    private final List<Tool> tools;
    private final ModelBackend generator;
    private final ModelBackend solver;
    private final MmTrajVerifiers verifiers;
    private final String verifierName;
    private final Path out;
    private final String toolSet;
    private final ImageLoader loader = new ImageLoader();

    /**
     * @param examples in-context example queries ({@code {"query", "tools"}} objects)
     * @param pool the images to select from; null for none
     * @param tools the agent's tools (as Python functions)
     * @param out the output directory: text files are written under {@code files/<task>/}
     */
    public MmTrajGenerator(MmTrajConfig config, MmTrajPrompts prompts, List<JsonNode> examples, ImagePool pool,
                           List<Tool> tools, ModelBackend generator, ModelBackend solver, ModelBackend verifier, Path out) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("mm-traj needs at least one in-context example query");
        }
        this.config = config;
        this.prompts = prompts;
        this.examples = List.copyOf(examples);
        this.pool = pool;
        this.tools = List.copyOf(tools);
        this.generator = generator;
        this.solver = solver;
        this.out = out;
        this.toolSet = toolSet(tools);
        this.verifiers = new MmTrajVerifiers(prompts, verifier, toolSet);
        this.verifierName = verifier.name();
    }

    @Override
    public int size() {
        return config.tasks();
    }

    /** The id of task {@code index}: {@code mm-traj-<seed>-<index>}. */
    public String taskId(int index) {
        return String.format("mm-traj-%d-%06d", config.seed(), index);
    }

    @Override
    public TaskOutcome run(int index) throws Exception {
        String id = taskId(index);
        long seed = config.seed() * 1_000_003L + index;
        // (1) the query
        String queryReply = generator.completeOne(List.of(MmTrajVerifiers.text(ChatRole.USER, queryPrompt(index))),
                params(config.generatorSampling(), seed));
        JsonNode q = firstQuery(JsonReply.extract(queryReply));
        String query = JsonReply.text(q, "query");
        if (query == null) {
            return drop(id, "files", "query-unparsable");
        }
        List<String> suggested = new ArrayList<>();
        if (q.get("tools") instanceof ArrayNode a) {
            a.forEach(t -> suggested.add(t.asText()));
        }
        // (2) the files
        String planReply = generator.completeOne(List.of(
                MmTrajVerifiers.text(ChatRole.SYSTEM, MmTrajPrompts.fill(prompts.filePlanSystem(), Map.of("TOOL_SET", toolSet))),
                MmTrajVerifiers.text(ChatRole.USER, MmTrajPrompts.fill(prompts.filePlanUser(),
                        Map.of("<query>", query, "<suggested tools>", suggested.toString())))),
                params(config.generatorSampling(), seed));
        List<FilePlan.Planned> plan = FilePlan.parse(planReply);
        if (plan == null) {
            return drop(id, "files", "file-plan-unparsable");
        }
        String group = !plan.isEmpty() && plan.stream().allMatch(FilePlan.Planned::isImage) ? "images" : "files";
        if (plan.size() > config.maxFiles()) {
            return drop(id, group, "too-many-files");
        }
        Map<String, BufferedImage> images = new LinkedHashMap<>();
        TaskFiles files = new TaskFiles(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        String failure = files(id, plan, seed, files, images);
        if (failure != null) {
            return drop(id, group, failure);
        }
        // (3) the query-file verifier
        String original = query;
        String queryVerdict = null;
        if (config.verifyQueryFile() && !plan.isEmpty()) {
            SamplingParams vp = params(config.verifierSampling(), seed);
            Verdict v = verifiers.queryFile(query, files, vp);
            if (v != null && !v.correct() && config.reviseQuery() && v.updatedQuery() != null) {
                query = v.updatedQuery();
                v = verifiers.queryFile(query, files, vp);
            }
            if (v == null) {
                return drop(id, group, "verifier-unparsable");
            }
            if (!v.correct()) {
                return drop(id, group, "query-file-rejected");
            }
            queryVerdict = v.thought();
        }
        // (4) the zero-shot ReAct agent
        BackendReactModel model = new BackendReactModel(solver, params(config.solverSampling(), seed), files.pixels());
        ReactRunner runner = new ReactRunner(model, tools, new ReactConfig(config.maxIterations(), SandboxConfig.defaults()));
        Trace run = runner.run(id, query, files.imageRefs(), files.pixels(), files.filePaths(),
                Duration.ofMillis(config.toolTimeoutMs()));
        if (!"final_answer".equals(run.meta().get("stop"))) {
            return drop(id, group, "no-final-answer");
        }
        ObjectNode record = MmTrajRecords.fromRunner(run, id, files.imageRefs(), files.fileRefs());
        Trace read;
        try {
            read = MmTrajRecords.read(record, index);
        } catch (DataException e) {
            return drop(id, group, "mm-traj-unrepresentable");
        }
        // (5) the trajectory verifier
        String trajectoryVerdict = null;
        if (config.verifyTrajectory()) {
            Verdict v = verifiers.trajectory(query, files, record, params(config.verifierSampling(), seed));
            if (v == null) {
                return drop(id, group, "verifier-unparsable");
            }
            if (!v.correct()) {
                return drop(id, group, "trajectory-rejected");
            }
            trajectoryVerdict = v.thought();
        }
        Map<String, Object> meta = new LinkedHashMap<>(read.meta());
        meta.put("variant", "mm-traj");
        meta.put("style", group);
        meta.put("query", query);
        if (!query.equals(original)) {
            meta.put("original_query", original);
        }
        meta.put("suggested_tools", suggested);
        meta.put("generator", generator.name());
        meta.put("solver", solver.name());
        meta.put("verifier", verifierName);
        meta.put("iterations", run.meta().get("iterations"));
        meta.put("parse_errors", run.meta().get("parse_errors"));
        if (queryVerdict != null) {
            meta.put("query_file_thought", queryVerdict);
        }
        if (trajectoryVerdict != null) {
            meta.put("trajectory_thought", trajectoryVerdict);
        }
        meta.put("seed", config.seed());
        meta.put("index", index);
        Trace kept = new Trace(read.id(), SOURCE, read.images(), read.files(), read.messages(), read.answer(), meta);
        return new TaskOutcome(id, group, TaskOutcome.TRAIN, List.of(kept), images, null, toolCalls(read));
    }

    /** Selects or writes each planned file; the drop reason, or null when all are there. */
    private String files(String id, List<FilePlan.Planned> plan, long seed, TaskFiles files,
                         Map<String, BufferedImage> images) throws Exception {
        Set<Integer> taken = new HashSet<>();
        int k = 0;
        for (FilePlan.Planned p : plan) {
            k++;
            if (p.isImage()) {
                if (pool == null) {
                    return "no-image-pool";
                }
                int i = pool.nearest(p.content(), taken);
                if (i < 0) {
                    return "image-pool-exhausted";
                }
                taken.add(i);
                ImagePool.Entry e = pool.entries().get(i);
                BufferedImage img;
                try {
                    img = loader.open(e.ref(), e.root()).decode();
                } catch (RuntimeException unreadable) {
                    return "image-unreadable";
                }
                String ref = "images/" + id + "-" + files.pixels().size() + ".png";
                files.pixels().add(img);
                files.imageRefs().add(ref);
                files.imageCaptions().add(e.caption().replace('\n', ' '));
                images.put(ref, img);
            } else if (p.isText()) {
                String name = "file_" + k + p.type();
                String reply = generator.completeOne(List.of(
                        MmTrajVerifiers.text(ChatRole.SYSTEM, MmTrajPrompts.fill(prompts.fileContentSystem(),
                                Map.of("<file type>", p.type()))),
                        MmTrajVerifiers.text(ChatRole.USER, MmTrajPrompts.fill(prompts.fileContentUser(),
                                Map.of("<file type>", p.type(), "<file content>", p.content(), "<file name>", name)))),
                        params(config.generatorSampling(), seed + k));
                String text = FilePlan.content(reply);
                if (text == null) {
                    return "file-content-empty";
                }
                String ref = "files/" + id + "/" + name;
                Path path = out.resolve(ref);
                AtomicOutput.write(path, text.getBytes(StandardCharsets.UTF_8));
                files.filePaths().add(path);
                files.fileRefs().add(ref);
                files.fileTexts().add(text);
            } else {
                return "file-type-unsupported";
            }
        }
        return null;
    }

    /** T3-Agent's query prompt with {@code examples-per-query} examples drawn for this task. */
    String queryPrompt(int index) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(config.seed() * 0x9E3779B97F4A7C15L + index));
        ArrayNode shown = Json.mapper().createArrayNode();
        order.subList(0, Math.min(config.examplesPerQuery(), order.size())).forEach(i -> shown.add(examples.get(i)));
        return MmTrajPrompts.fill(prompts.query(), Map.of("TOOL_SET", toolSet, "IN_CONTEXT_EXAMPLES", shown.toPrettyString()));
    }

    /** The first {@code {"query"}} object of a reply's JSON (a list, as asked, or one object). */
    private static JsonNode firstQuery(JsonNode n) {
        if (n != null && n.isArray()) {
            for (JsonNode e : n) {
                if (e.isObject() && JsonReply.text(e, "query") != null) {
                    return e;
                }
            }
            return null;
        }
        return n;
    }

    /** The tools as T3-Agent's prompts list them: {@code [{"tool_name", "description"}, ...]}. */
    static String toolSet(List<Tool> tools) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (Tool t : tools) {
            a.addObject().put("tool_name", t.name()).put("description", t.description());
        }
        return a.toPrettyString();
    }

    /** Calls of each tool in the trajectory's code (a name followed by an opening parenthesis). */
    private Map<String, Integer> toolCalls(Trace t) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (var m : t.messages()) {
            if (m.code() == null) {
                continue;
            }
            for (Tool tool : tools) {
                Matcher c = Pattern.compile("\\b" + Pattern.quote(tool.name()) + "\\s*\\(").matcher(m.code());
                while (c.find()) {
                    counts.merge(tool.name(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static SamplingParams params(Sampling s, long seed) {
        return new SamplingParams(s.maxTokens(), s.temperature(), s.topP(), seed, List.of());
    }

    private static TaskOutcome drop(String id, String group, String reason) {
        return TaskOutcome.dropped(id, group, TaskOutcome.TRAIN, reason);
    }
}
