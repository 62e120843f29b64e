package dev.cota.synth.program;

import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.runner.CotaPrompt;
import dev.cota.agent.tool.Tool;
import dev.cota.agent.tool.ToolException;
import dev.cota.agent.tool.Tools;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Trace;
import dev.cota.synth.chain.ToolSession;
import dev.cota.synth.run.SynthSource;
import dev.cota.synth.run.TaskOutcome;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * TACO's model-free data generation, in Java: each task draws a template and a problem from the
 * seed and its index, renders the image, and writes the question as CoTA (thoughts and actions
 * executed by the real tools, observations as returned), Direct (the bare question, asked as a
 * direct-answer model is asked it, and the answer only) and CoT (thoughts,
 * no actions). A CoTA chain whose tool output leads away from the ground truth drops the whole task
 * (all variants, so the variants cover the same questions), counted by reason.
 */
public final class ProgramGenerator implements SynthSource {

    /** The trace {@code source} of program-generated traces. */
    public static final String SOURCE = "cota-synth:program";
    /** The tools the generator's chains may call, in the order the system prompt lists them. */
    private static final List<String> TOOLSET = List.of("OCR", "Crop", "ZoomIn", "Calculate", "SolveMathEquation",
            "Terminate");

    private final ProgramConfig config;
    private final List<String> names;
    private final double[] cumulative;
    private final String systemPrompt;
    private final Duration timeout;

    public ProgramGenerator(ProgramConfig config) {
        this.config = config;
        this.names = new ArrayList<>(config.templates().keySet());
        this.cumulative = new double[names.size()];
        double total = config.templates().values().stream().mapToDouble(Double::doubleValue).sum();
        double acc = 0;
        for (int i = 0; i < names.size(); i++) {
            acc += config.templates().get(names.get(i)) / total;
            cumulative[i] = acc;
        }
        List<Tool> tools = new ArrayList<>();
        for (String t : TOOLSET) {
            if (names.stream().anyMatch(n -> Templates.get(n).tools().contains(t))) {
                tools.add(Tools.get(t));
            }
        }
        this.systemPrompt = switch (config.prompt()) {
            case "full" -> CotaPrompt.full(tools);
            case "simple" -> CotaPrompt.simple(tools);
            default -> null;
        };
        this.timeout = Duration.ofMillis(config.toolTimeoutMs());
    }

    @Override
    public int size() {
        return config.count();
    }

    /** The id of task {@code index}: {@code program-<seed>-<index>}. */
    public String taskId(int index) {
        return String.format("program-%d-%06d", config.seed(), index);
    }

    @Override
    public TaskOutcome run(int index) {
        Random rng = new Random(mix(config.seed(), index));
        double pick = rng.nextDouble();
        int t = 0;
        while (t < names.size() - 1 && pick >= cumulative[t]) {
            t++;
        }
        String name = names.get(t);
        boolean drawnOut = rng.nextDouble() < config.heldout().fraction();
        String split = drawnOut || config.heldout().templates().contains(name) ? TaskOutcome.HELDOUT : TaskOutcome.TRAIN;
        String id = taskId(index);
        Problem p = Templates.get(name).make(rng);
        String imagePath = "images/" + id + ".png";
        Map<String, BufferedImage> images = new LinkedHashMap<>();
        images.put(imagePath, p.image());
        List<Trace> traces = new ArrayList<>();
        Map<String, Integer> counts = Map.of();
        for (String variant : config.variants()) {
            ToolSession s = new ToolSession(List.of(p.image()), timeout);
            List<String> refs = new ArrayList<>(List.of(imagePath));
            switch (variant) {
                case "cota" -> {
                    String answer;
                    try {
                        answer = p.chain().apply(s);
                    } catch (ChainBroken e) {
                        return TaskOutcome.dropped(id, name, split, e.reason());
                    } catch (ToolException e) {
                        return TaskOutcome.dropped(id, name, split, "tool-error-" + e.kind());
                    }
                    if (!p.answer().equals(answer)) {
                        return TaskOutcome.dropped(id, name, split, "wrong-answer");
                    }
                    for (int k = 0; k < s.madeImages().size(); k++) {
                        String ref = "images/" + id + "-" + (k + 1) + ".png";
                        images.put(ref, s.madeImages().get(k));
                        refs.add(ref);
                    }
                    counts = s.toolCounts();
                }
                case "cot" -> s.terminate(p.cotThought(), p.answer());
                default -> s.terminate(null, p.answer());
            }
            traces.add(trace(id + "-" + variant, variant, name, split, index, p, refs, s.messages()));
        }
        return new TaskOutcome(id, name, split, traces, images, null, counts);
    }

    private Trace trace(String id, String variant, String template, String split, int index, Problem p,
                        List<String> refs, List<Message> turns) {
        List<Message> messages = new ArrayList<>();
        if (variant.equals("direct")) {
            // Asked as a direct-answer model is asked (LLaVA's layout, cota bench's direct runner):
            // no agent system prompt and no action request, so training and evaluation see one prompt.
            messages.add(Message.user(ChatMessage.IMAGE + "\n" + p.question()));
        } else {
            if (systemPrompt != null) {
                messages.add(Message.system(systemPrompt));
            }
            messages.add(Message.user(CotaPrompt.request(p.question(), 1)));
        }
        messages.addAll(turns);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("dataset", "program/" + template);
        meta.put("template", template);
        meta.put("variant", variant);
        meta.put("split", split);
        meta.put("question", p.question());
        meta.put("ground_truth", p.answer());
        meta.put("seed", config.seed());
        meta.put("index", index);
        return new Trace(id, SOURCE, refs, List.of(), messages, p.answer(), meta);
    }

    /** SplitMix64 of the seed and index: independent streams per task, so any task can run alone. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
