package dev.cota.bench.docvqa;

import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Scorer;
import dev.cota.bench.text.Levenshtein;
import dev.cota.data.python.PyText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ANLS, as the Robust Reading Competition's DocVQA evaluation script computes it
 * ({@code evaluate_method}, rrc.cvc.uab.es, task 1; the same code ships in the InfographicVQA
 * script): both strings become {@code ' '.join(s.strip().lower().split())}, the Levenshtein
 * distance of those is divided by {@code max(len(gt.upper()), len(pred.upper()))} of the strings
 * as given (0 when both are empty), the item scores {@code 1 - min} over the answers, and a score
 * below 0.5 becomes 0. At a normalized distance of exactly 0.5 the script keeps 0.5 (its test is
 * {@code score < 0.5}), where the paper's formula would give 0. The summary is {@code anls} over all
 * items and {@code anls_per_question_type} (an item counts once for each of its
 * {@code question_types}).
 */
public final class AnlsScorer implements Scorer {

    /** {@code evaluationParams['THRESHOLD']}. */
    static final double THRESHOLD = 0.5;

    @Override
    public ItemScore score(BenchItem item, String prediction) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Object types = item.fields().get("question_types");
        if (types != null) {
            fields.put("question_types", types);
        }
        return new ItemScore(item.id(), prediction, anls(prediction, answers(item)), fields);
    }

    /** The ANLS of one prediction against the accepted answers. */
    public static double anls(String prediction, List<String> answers) {
        int[] det = PyText.collapseSpaces(PyText.lower(prediction)).codePoints().toArray();
        int detLength = PyText.len(PyText.upper(prediction));
        double best = Double.POSITIVE_INFINITY;
        for (String answer : answers) {
            int[] gt = PyText.collapseSpaces(PyText.lower(answer)).codePoints().toArray();
            int length = Math.max(PyText.len(PyText.upper(answer)), detLength);
            double nl = length == 0 ? 0.0 : (double) Levenshtein.distance(gt, det) / length;
            best = Math.min(best, nl);
        }
        double score = 1 - best;
        return score < THRESHOLD ? 0.0 : score;
    }

    private static List<String> answers(BenchItem item) {
        List<String> out = new ArrayList<>();
        if (item.fields().get("answers") instanceof List<?> list) {
            for (Object o : list) {
                out.add(String.valueOf(o));
            }
        }
        if (out.isEmpty()) {
            throw dev.cota.core.DataException.of("invalid-record", "item " + item.id() + " has no answers");
        }
        return out;
    }

    @Override
    public Map<String, Object> summarize(List<ItemScore> scores) {
        double total = 0;
        Map<String, double[]> byType = new LinkedHashMap<>();
        for (ItemScore s : scores) {
            total += s.score();
            if (s.fields().get("question_types") instanceof List<?> types) {
                for (Object t : types) {
                    double[] acc = byType.computeIfAbsent(String.valueOf(t), k -> new double[2]);
                    acc[0] += s.score();
                    acc[1]++;
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("anls", scores.isEmpty() ? 0.0 : total / scores.size());
        if (!byType.isEmpty()) {
            Map<String, Object> per = new LinkedHashMap<>();
            byType.forEach((k, v) -> per.put(k, v[0] / v[1]));
            out.put("anls_per_question_type", per);
        }
        return out;
    }
}
