package dev.cota.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.DataException;
import dev.cota.core.Location;
import dev.cota.core.io.ByteLines;
import dev.cota.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run directory as a report reads it ({@code results.jsonl} and {@code summary.json}, written
 * by {@code cota bench score} or {@code cota bench run}): the suite, the model's label, and per item
 * the score and categories. Items marked {@code unjudged} have no real score and are left out of the
 * scores; items marked {@code missing} keep the score the official scorer gave their empty answer.
 *
 * @param dir the run directory
 * @param suite the suite name from {@code summary.json}
 * @param model the model's name from {@code provenance.json} or {@code config.yaml}, else the
 *     directory's name
 * @param scores id to score, in file order, judged items only
 * @param categories id to the item's categories (see {@link SuiteCategories}), in file order
 * @param missing ids that had no prediction
 * @param unjudged ids a judge was needed for and none was configured
 */
public record RunResults(Path dir, String suite, String model, Map<String, Double> scores,
        Map<String, List<String>> categories, Set<String> missing, Set<String> unjudged) {

    public RunResults {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        missing = Set.copyOf(missing);
        unjudged = Set.copyOf(unjudged);
    }

    /** Reads a run directory; a missing file or malformed line is a {@link DataException} naming it. */
    public static RunResults read(Path dir) throws IOException {
        Path results = dir.resolve("results.jsonl");
        Path summaryFile = dir.resolve("summary.json");
        for (Path p : List.of(results, summaryFile)) {
            if (!Files.isRegularFile(p)) {
                throw new DataException(Location.line(p.toString(), 0), null, "missing-file",
                        "not found: a run directory holds results.jsonl and summary.json");
            }
        }
        JsonNode summary = readJson(summaryFile);
        JsonNode suiteNode = summary.get("suite");
        if (suiteNode == null || !suiteNode.isTextual()) {
            throw new DataException(Location.line(summaryFile.toString(), 0), null, "invalid-record",
                    "summary.json has no \"suite\" name");
        }
        String suite = suiteNode.asText();
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<String>> categories = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        Set<String> unjudged = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        try (ByteLines lines = ByteLines.open(results)) {
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                Location at = Location.line(results.toString(), lines.lineNumber());
                JsonNode n;
                try {
                    n = Json.mapper().readTree(lines.buffer(), lines.offset(), lines.length());
                } catch (IOException e) {
                    throw new DataException(at, null, "malformed-json", "malformed JSON: " + firstLine(e));
                }
                JsonNode id = n == null ? null : n.get("id");
                JsonNode score = n == null ? null : n.get("score");
                if (id == null || !id.isValueNode() || id.isNull() || score == null || !score.isNumber()) {
                    throw new DataException(at, null, "invalid-record", "a result line has an \"id\" and a numeric \"score\"");
                }
                String key = id.asText();
                if (!seen.add(key)) {
                    throw new DataException(at, key, "duplicate-id", "a second result for this item");
                }
                if (n.path("missing").asBoolean(false)) {
                    missing.add(key);
                }
                categories.put(key, SuiteCategories.of(suite, n));
                if (n.path("unjudged").asBoolean(false)) {
                    unjudged.add(key);
                } else {
                    scores.put(key, score.asDouble());
                }
            }
        }
        return new RunResults(dir, suite, modelName(dir), scores, categories, missing, unjudged);
    }

    /** The number of result lines, judged or not. */
    public int items() {
        return categories.size();
    }

    /** {@code provenance.json}'s or {@code config.yaml}'s {@code model} (a name, or an object's name). */
    static String modelName(Path dir) throws IOException {
        Path provenance = dir.resolve("provenance.json");
        Path config = dir.resolve("config.yaml");
        for (Path p : List.of(provenance, config)) {
            if (Files.isRegularFile(p)) {
                JsonNode root = p == provenance ? readJson(p) : readYaml(p);
                String name = name(root == null ? null : root.get("model"));
                if (name != null) {
                    return name;
                }
            }
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    private static String name(JsonNode model) {
        if (model == null || model.isNull()) {
            return null;
        }
        if (model.isTextual() && !model.asText().isBlank()) {
            return model.asText();
        }
        for (String key : List.of("name", "spec", "id")) {
            JsonNode v = model.get(key);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    private static JsonNode readJson(Path file) throws IOException {
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DataException(Location.line(file.toString(), e.getLocation() == null ? 0
                    : e.getLocation().getLineNr()), null, "malformed-json", "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode readYaml(Path file) throws IOException {
        try {
            return Json.yaml().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DataException(Location.line(file.toString(), e.getLocation() == null ? 0
                    : e.getLocation().getLineNr()), null, "malformed-yaml", "malformed YAML: " + e.getOriginalMessage());
        }
    }

    private static String firstLine(IOException e) {
        String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    }
}
