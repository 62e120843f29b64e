package dev.cota.synth.insightv;

import dev.cota.core.io.AtomicOutput;
import dev.cota.core.io.TraceLines;
import dev.cota.core.json.Json;
import dev.cota.core.json.JsonValues;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Trace;
import dev.cota.data.format.InsightVText;
import dev.cota.synth.run.SynthRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two training sets of Insight-V's multi-agent system, assembled from a run's traces in the
 * LLaVA JSON layout its training scripts (and cota's {@code insight-v} reader) read: the
 * reasoning-agent set (question + reasoning instruction -> {@code <thoughts>} chain; right chains of
 * the configured bins) and the summary-agent set (summary prompt with the chain -> the ground truth;
 * right chains of the configured bins and, as Insight-V does so the summary agent learns to ignore
 * flawed reasoning, wrong chains). Written atomically at the end of a run, with the pipeline's counts
 * added to {@code manifest.json} under {@code insight_v}.
 */
public final class InsightVDatasets {

    public static final String REASONING = "reasoning.json";
    public static final String SUMMARY = "summary.json";

    private InsightVDatasets() {
    }

    /** The records of both sets for {@code traces} (in order): {@code reasoning} and {@code summary}. */
    public static Map<String, List<Map<String, Object>>> build(List<Trace> traces, InsightVConfig config) {
        List<Map<String, Object>> reasoning = new ArrayList<>();
        List<Map<String, Object>> summary = new ArrayList<>();
        for (Trace t : traces) {
            boolean right = "right".equals(t.meta().get("label"));
            String bin = (String) t.meta().get("bin");
            String question = (String) t.meta().get("question");
            String chain = chain(t);
            if (right && config.reasoningBins().contains(bin)) {
                reasoning.add(record(String.format("insight-v-reason-%05d", reasoning.size()), t,
                        InsightVText.reasoningPrompt(question), chain));
            }
            if (right ? config.summaryBins().contains(bin) : config.summaryWrong()) {
                summary.add(record(String.format("insight-v-summary-%05d", summary.size()), t,
                        InsightVText.summaryPrompt(question, chain), (String) t.meta().get("ground_truth")));
            }
        }
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put("reasoning", reasoning);
        out.put("summary", summary);
        return out;
    }

    private static String chain(Trace t) {
        Message last = t.messages().get(t.messages().size() - 1);
        return (String) last.content();
    }

    private static Map<String, Object> record(String id, Trace t, String human, String gpt) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        if (t.images().size() == 1) {
            r.put("image", t.images().get(0));
        } else if (!t.images().isEmpty()) {
            r.put("image", t.images());
        }
        r.put("conversations", List.of(turn("human", human), turn("gpt", gpt)));
        r.put("trace", t.id());
        return r;
    }

    private static Map<String, Object> turn(String from, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("value", value);
        return m;
    }

    /**
     * Writes {@code reasoning.json} and {@code summary.json} from {@code out/traces.jsonl}, and adds the
     * pipeline's counts (summed over the journal) and the sets' sizes to {@code manifest} under
     * {@code insight_v}; rewrites {@code manifest.json}. Returns that section.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> finish(Path out, InsightVConfig config, Map<String, Object> manifest)
            throws IOException {
        List<Trace> traces = new ArrayList<>();
        try (TraceLines in = TraceLines.open(out.resolve(SynthRun.TRACES))) {
            while (in.hasNext()) {
                traces.add(in.next());
            }
        }
        Map<String, List<Map<String, Object>>> sets = build(traces, config);
        writeJson(out.resolve(REASONING), sets.get("reasoning"));
        writeJson(out.resolve(SUMMARY), sets.get("summary"));
        Map<String, Integer> counts = new TreeMap<>();
        List<String> lines = Files.readAllLines(out.resolve(SynthRun.TASKS), StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            Map<String, Object> e = (Map<String, Object>) JsonValues.parse(line);
            ((Map<String, Object>) e.get("counts")).forEach((k, v) -> counts.merge(k, ((Number) v).intValue(), Integer::sum));
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("chains", counts.getOrDefault("chains", 0));
        section.put("chains_dropped_by_reason", prefixed(counts, "chain:"));
        section.put("judge", prefixed(counts, "judge:"));
        section.put("bins", prefixed(counts, "bin:"));
        section.put("final_unparsable", counts.getOrDefault("final:unparsable", 0));
        section.put("retries", counts.getOrDefault("retries", 0));
        section.put("early_final", counts.getOrDefault("early-final", 0));
        section.put("steps", counts.getOrDefault("steps", 0));
        section.put("reasoning_records", sets.get("reasoning").size());
        section.put("summary_records", sets.get("summary").size());
        section.put("summary_wrong_records", (int) traces.stream()
                .filter(t -> "wrong".equals(t.meta().get("label")) && config.summaryWrong()).count());
        Map<String, Object> m = new LinkedHashMap<>(manifest);
        m.put("insight_v", section);
        writeJson(out.resolve(SynthRun.MANIFEST), m);
        return section;
    }

    private static Map<String, Integer> prefixed(Map<String, Integer> counts, String prefix) {
        Map<String, Integer> m = new TreeMap<>();
        counts.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), v);
            }
        });
        return m;
    }

    private static void writeJson(Path file, Object value) throws IOException {
        AtomicOutput.write(file, (Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }
}
