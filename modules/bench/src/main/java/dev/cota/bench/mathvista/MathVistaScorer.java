package dev.cota.bench.mathvista;

import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Judge;
import dev.cota.bench.Scorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MathVista's official scoring: the rule-based extraction of {@code evaluation/extract_answer.py}
 * ({@link MathVistaRules#extract}), {@code normalize_extracted_answer} and {@code safe_equal} of
 * {@code evaluation/calculate_score.py}. Responses the rules cannot extract from go to GPT in the
 * official pipeline: with a judge, cota asks it exactly there ({@link MathVistaExtractor}, the item's
 * {@code extraction_rule} is {@code gpt} and its {@code judge} the model); without one they score 0
 * with {@code unjudged} and the summary says {@code judge: none}.
 * The summary is {@code calculate_score.py}'s {@code scores}: {@code average} and, for each of
 * {@code question_type}, {@code answer_type}, {@code language}, {@code source}, {@code category},
 * {@code task}, {@code context}, {@code grade} and {@code skills}, the accuracy, correct and total per
 * value, sorted by accuracy, highest first ({@code skills} counts a problem under each of its skills).
 */
public final class MathVistaScorer implements Scorer {

    static final List<String> TARGET_KEYS = List.of("question_type", "answer_type", "language", "source",
            "category", "task", "context", "grade", "skills");

    @Override
    public ItemScore score(BenchItem item, String prediction) {
        return score(item, prediction, null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public ItemScore score(BenchItem item, String prediction, Judge judge) {
        Map<String, Object> f = item.fields();
        String qt = (String) f.get("question_type");
        String at = (String) f.get("answer_type");
        List<String> choices = (List<String>) f.get("choices");
        MathVistaRules.Extraction ex = MathVistaRules.extract(prediction, qt, at, choices);
        if (ex == null && judge != null) {
            ex = new MathVistaRules.Extraction(MathVistaExtractor.extract(judge, item.id(), item.question(), prediction),
                    "gpt");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answer", f.get("answer"));
        out.put("question_type", qt);
        out.put("answer_type", at);
        Object metadata = f.get("metadata");
        if (metadata instanceof Map<?, ?> m) {
            for (String k : TARGET_KEYS.subList(2, TARGET_KEYS.size())) {
                out.put(k, m.get(k));
            }
        }
        if (ex == null) {
            out.put("extraction", null);
            out.put("unjudged", true);
            return new ItemScore(item.id(), prediction, 0, out);
        }
        String normalized = MathVistaRules.normalize(ex.text(), choices, qt, at, f.get("precision"));
        boolean right = normalized != null && normalized.equals(f.get("answer"));
        out.put("extraction", ex.text());
        out.put("extraction_rule", ex.rule());
        if (judge != null && ex.rule().equals("gpt")) {
            out.put("judge", judge.model());
        }
        out.put("normalized", normalized);
        out.put("true_false", right);
        return new ItemScore(item.id(), prediction, right ? 1 : 0, out);
    }

    @Override
    public Map<String, Object> summarize(List<ItemScore> scores) {
        Map<String, Object> out = new LinkedHashMap<>();
        int correct = 0;
        int unjudged = 0;
        String judge = "none";
        for (ItemScore s : scores) {
            if (s.fields().get("judge") instanceof String j) {
                judge = j;
            }
            correct += s.score() == 1 ? 1 : 0;
            unjudged += s.fields().containsKey("unjudged") ? 1 : 0;
        }
        out.put("average", figures(correct, scores.size()));
        for (String key : TARGET_KEYS) {
            out.put(key, byValue(scores, key));
        }
        out.put("judge", unjudged > 0 ? "none" : judge);
        out.put("unjudged", unjudged);
        return out;
    }

    /** {@code get_acc_with_contion} for every value of a key, sorted by accuracy (stable, first appearance first). */
    private static Map<String, Object> byValue(List<ItemScore> scores, String key) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (ItemScore s : scores) {
            Object v = s.fields().get(key);
            List<?> values = v instanceof List<?> l ? l : v == null ? List.of() : List.of(v);
            for (Object value : values) {
                int[] c = counts.computeIfAbsent(String.valueOf(value), k -> new int[2]);
                c[0] += s.score() == 1 ? 1 : 0;
                c[1]++;
            }
        }
        List<Map.Entry<String, int[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> Double.compare((double) b.getValue()[0] / b.getValue()[1],
                (double) a.getValue()[0] / a.getValue()[1]));
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : entries) {
            out.put(e.getKey(), figures(e.getValue()[0], e.getValue()[1]));
        }
        return out;
    }

    private static Map<String, Object> figures(int correct, int total) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", total == 0 ? 0.0 : (double) correct / total);
        m.put("correct", correct);
        m.put("total", total);
        return m;
    }
}
