package dev.cota.bench.run;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Judge;
import dev.cota.bench.Suite;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import dev.cota.core.json.JsonValues;
import dev.cota.core.json.TraceJson;
import dev.cota.core.provenance.Hashing;
import dev.cota.core.trace.Trace;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code cota bench run}: asks a model every item of a suite (the first {@code limit}), scores each
 * answer with the suite's official scorer and appends one line per item to {@code results.jsonl}:
 * the fields {@code cota bench score} writes ({@code id}, {@code prediction}, {@code score}, the
 * scorer's per-item fields), plus {@code trace} when an agent runner answered. A failed model call
 * ({@link dev.cota.agent.backend.BackendException}) is recorded, not retried: the line has
 * {@code error} and {@code missing: true}, and the item is scored as an empty prediction, exactly as
 * {@code bench score} scores an item without a prediction. A rerun into the same directory skips the
 * items already there (a torn last line is cut off first) and refuses a different config. At the
 * end {@code summary.json} is the scorer's official aggregate over every line, written atomically,
 * with the shape of {@code bench score}'s plus {@code model} and {@code runner}.
 */
public final class BenchRun {

    static final String RESULTS = "results.jsonl";
    static final String SUMMARY = "summary.json";

    private final SuiteConfig config;
    private final RunSettings settings;
    private final ModelBackend backend;
    private final Judge judge;
    private final Consumer<String> progress;

    /**
     * @param judge the scorer's judge, or null for none
     * @param progress where one-line progress messages go (the CLI's stderr)
     */
    public BenchRun(SuiteConfig config, RunSettings settings, ModelBackend backend, Judge judge, Consumer<String> progress) {
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.judge = judge;
        this.progress = progress == null ? s -> { } : progress;
    }

    /** Runs (or resumes) into {@code out}; returns the summary it wrote. */
    public Map<String, Object> run(Path out) throws IOException {
        Suite suite = config.suite();
        Path dataDir = Path.of(config.data());
        List<BenchItem> all = suite.loader().load(dataDir);
        List<BenchItem> items = settings.limit() == null || settings.limit() >= all.size() ? all
                : all.subList(0, settings.limit());
        boolean resumed = RunDir.prepare(out, runConfig(), dataHash(all));
        Set<String> known = new LinkedHashSet<>();
        all.forEach(i -> known.add(i.id()));
        ItemAsker asker = new ItemAsker(backend, config, SamplingParams.greedy(settings.maxTokens()));
        List<Map<String, Object>> lines;
        try (ResultsFile results = ResultsFile.open(out.resolve(RESULTS), known)) {
            if (results.tornBytes() > 0) {
                progress.accept("bench run: dropped a torn last line of " + RESULTS + " (" + results.tornBytes() + " bytes)");
            }
            if (resumed) {
                progress.accept("bench run: resuming " + out + ": " + results.lines().size() + " item(s) already done");
            }
            List<BenchItem> todo = items.stream().filter(i -> !results.has(i.id())).toList();
            int done = items.size() - todo.size();
            for (int from = 0; from < todo.size(); from += settings.batchSize()) {
                List<BenchItem> chunk = todo.subList(from, Math.min(todo.size(), from + settings.batchSize()));
                List<String> prompts = chunk.stream().map(i -> PromptTemplate.render(config.prompt(), i)).toList();
                long t0 = System.nanoTime();
                List<Answer> answers = asker.askAll(chunk, prompts, dataDir);
                double seconds = (System.nanoTime() - t0) / 1e9 / chunk.size();
                for (int k = 0; k < chunk.size(); k++) {
                    BenchItem item = chunk.get(k);
                    Answer a = answers.get(k);
                    ItemScore s = suite.scorer().score(item, a.prediction(), judge);
                    results.append(line(s, a));
                    progress.accept(String.format(java.util.Locale.ROOT, "bench run: [%d/%d] %s score=%s%s (%.1f s)",
                            ++done, items.size(), item.id(), s.score(), a.error() == null ? "" : " error: " + a.error(),
                            seconds));
                }
            }
            lines = results.lines();
        }
        Map<String, Object> summary = summarize(suite, lines);
        AtomicOutput.write(out.resolve(SUMMARY), (JsonValues.toJson(summary) + "\n").getBytes(StandardCharsets.UTF_8));
        return summary;
    }

    /** What {@code config.yaml} holds: the resolved suite config, the model and the options. */
    Map<String, Object> runConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("suite", config.toJson());
        m.put("model", settings.model());
        m.put("max-tokens", settings.maxTokens());
        m.put("judge", judge == null ? SuiteConfig.NO_JUDGE : judge.model());
        m.put("limit", settings.limit());
        m.put("device", settings.device());
        return m;
    }

    private Map<String, Object> summarize(Suite suite, List<Map<String, Object>> lines) {
        List<ItemScore> scores = new ArrayList<>(lines.size());
        int missing = 0;
        for (Map<String, Object> l : lines) {
            Map<String, Object> fields = new LinkedHashMap<>(l);
            for (String k : List.of("id", "prediction", "score", "missing", "error", "trace")) {
                fields.remove(k);
            }
            if (Boolean.TRUE.equals(l.get("missing"))) {
                missing++;
            }
            Object p = l.get("prediction");
            scores.add(new ItemScore((String) l.get("id"), p == null ? "" : p.toString(),
                    ((Number) l.get("score")).doubleValue(), fields));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("suite", suite.name());
        summary.put("model", settings.model());
        summary.put("runner", config.runner());
        summary.put("items", lines.size());
        summary.put("missing", missing);
        summary.putAll(suite.scorer().summarize(scores));
        return summary;
    }

    private static Map<String, Object> line(ItemScore s, Answer a) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("prediction", s.prediction());
        m.put("score", s.score());
        if (a.error() != null) {
            m.put("missing", true);
            m.put("error", a.error());
        }
        m.putAll(s.fields());
        if (a.trace() != null) {
            m.put("trace", traceJson(a.trace()));
        }
        return m;
    }

    private static Object traceJson(Trace trace) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.factory().createGenerator(w)) {
            TraceJson.write(g, trace);
        }
        return JsonValues.parse(w.toString());
    }

    /** SHA-256 of the items as loaded (ids, questions, image and file references, fields). */
    private static String dataHash(List<BenchItem> items) {
        MessageDigest md = Hashing.sha256();
        for (BenchItem i : items) {
            md.update(JsonValues.toJson(List.of(i.id(), i.question(), i.images(), i.files(), i.fields()))
                    .getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
