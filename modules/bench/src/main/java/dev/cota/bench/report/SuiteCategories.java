package dev.cota.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place that says which per-item field of {@code results.jsonl} is each suite's category in
 * a report, chosen to be the grouping the suite's official evaluation reports (MM-Vet's
 * capabilities, GAIA's levels, MME's subtasks, ...). A list-valued field puts an item in every
 * category it names; a suite without an entry has no per-category table.
 */
public final class SuiteCategories {

    /** Suite name to the per-item field holding its category. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("mmvet", "capability"),      // list: rec, ocr, know, gen, spat, math
            Map.entry("gaia", "Level"),            // 1, 2, 3
            Map.entry("mathvista", "category"),    // math-targeted-vqa, general-vqa
            Map.entry("mmmu", "discipline"),       // Art & Design, Business, Science, ...
            Map.entry("mmstar", "category"),       // coarse perception, fine-grained perception, ...
            Map.entry("mmbench", "category"),      // image_scene, attribute_recognition, ...
            Map.entry("mme", "task"),              // the subtask: existence, artwork, ...
            Map.entry("blink", "sub_task"),        // Counting, Visual_Similarity, ...
            Map.entry("cvbench", "task"),          // Count, Relation, Depth, Distance
            Map.entry("chartqa", "split"),         // human, augmented
            Map.entry("docvqa", "question_types"), // list: layout, figure/diagram, ...
            Map.entry("vqav2", "answer_type"),     // yes/no, number, other
            Map.entry("cota-traces", "template")); // the synth template: bar-sum, table-cost, ...

    private SuiteCategories() {
    }

    /** The category field of a suite, or null when it has none. */
    public static String field(String suite) {
        return FIELDS.get(suite);
    }

    /** The categories of one results line: none, one, or (for list fields) several. */
    public static List<String> of(String suite, JsonNode line) {
        String field = FIELDS.get(suite);
        JsonNode v = field == null ? null : line.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isNull()) {
                    out.add(label(e));
                }
            }
        } else {
            out.add(label(v));
        }
        return out;
    }

    private static String label(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
