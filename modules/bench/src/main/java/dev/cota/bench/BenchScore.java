package dev.cota.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.DataException;
import dev.cota.core.Location;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.io.ByteLines;
import dev.cota.core.io.TraceWriter;
import dev.cota.core.json.Json;
import dev.cota.core.json.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cota bench score}: scores a predictions file (JSON Lines {@code {"id", "prediction"}})
 * against a suite's official files and writes {@code results.jsonl} (one line per item) and
 * {@code summary.json} (the official aggregates plus counts), both atomically. An item without a
 * prediction scores as the official scorer scores an empty answer and is counted as missing; a
 * prediction for an id the suite does not have is an error naming its line. With a judge, scorers ask
 * it where the official evaluation asks an LLM, and the summary's {@code judge} names its model;
 * without one, such items are {@code unjudged} and the summary says {@code judge: none}.
 */
public final class BenchScore {

    private BenchScore() {
    }

    /** Scores without a judge and writes; returns the summary. */
    public static Map<String, Object> run(Suite suite, Path dataDir, Path predictions, Path outDir) throws IOException {
        return run(suite, dataDir, predictions, outDir, null);
    }

    /**
     * Scores and writes; returns the summary.
     *
     * @param judge the judge scorers ask where the official evaluation does; null for none
     */
    public static Map<String, Object> run(Suite suite, Path dataDir, Path predictions, Path outDir, Judge judge)
            throws IOException {
        List<BenchItem> items = suite.loader().load(dataDir);
        Map<String, String> byId = readPredictions(predictions, items);
        List<ItemScore> scores = new ArrayList<>(items.size());
        int missing = 0;
        Path results = outDir.resolve("results.jsonl");
        try (TraceWriter w = TraceWriter.open(results)) {
            for (BenchItem item : items) {
                String p = byId.get(item.id());
                if (p == null) {
                    missing++;
                }
                ItemScore s = suite.scorer().score(item, p == null ? "" : p, judge);
                scores.add(s);
                w.writeValue(line(s, p == null));
            }
            w.commit();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("suite", suite.name());
        summary.put("items", items.size());
        summary.put("missing", missing);
        summary.putAll(suite.scorer().summarize(scores));
        if (judge != null && "none".equals(summary.get("judge")) && noneUnjudged(summary.get("unjudged"))) {
            summary.put("judge", judge.model()); // given but never needed: the rules decided every item
        }
        AtomicOutput.write(outDir.resolve("summary.json"),
                (JsonValues.toJson(summary) + "\n").getBytes(StandardCharsets.UTF_8));
        return summary;
    }

    /** Whether a summary's {@code unjudged} (a count, or counts by figure) is zero throughout. */
    private static boolean noneUnjudged(Object unjudged) {
        if (unjudged instanceof Map<?, ?> m) {
            return m.values().stream().allMatch(BenchScore::noneUnjudged);
        }
        return unjudged == null || unjudged instanceof Number n && n.longValue() == 0;
    }

    private static Map<String, Object> line(ItemScore s, boolean missing) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("prediction", s.prediction());
        m.put("score", s.score());
        if (missing) {
            m.put("missing", true);
        }
        m.putAll(s.fields());
        return m;
    }

    /** id to prediction text (non-string predictions as their JSON). */
    static Map<String, String> readPredictions(Path file, List<BenchItem> items) throws IOException {
        Map<String, Boolean> known = new LinkedHashMap<>();
        for (BenchItem i : items) {
            known.put(i.id(), Boolean.TRUE);
        }
        Map<String, String> out = new LinkedHashMap<>();
        try (ByteLines lines = ByteLines.open(file)) {
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                Location at = Location.line(file.toString(), lines.lineNumber());
                JsonNode n;
                try {
                    n = Json.mapper().readTree(lines.buffer(), lines.offset(), lines.length());
                } catch (IOException e) {
                    throw new DataException(at, null, "malformed-json", "malformed JSON: " + e.getMessage());
                }
                JsonNode id = n.get("id");
                JsonNode pred = n.get("prediction");
                if (id == null || !id.isValueNode() || pred == null) {
                    throw new DataException(at, null, "invalid-record", "a prediction is {\"id\", \"prediction\"}");
                }
                String key = id.asText();
                if (!known.containsKey(key)) {
                    throw new DataException(at, key, "unknown-id", "the suite has no item with this id");
                }
                if (out.put(key, pred.isTextual() ? pred.asText() : pred.isNull() ? "" : pred.toString()) != null) {
                    throw new DataException(at, key, "duplicate-id", "a second prediction for this item");
                }
            }
        }
        return out;
    }
}
