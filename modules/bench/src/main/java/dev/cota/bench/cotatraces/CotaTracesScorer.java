package dev.cota.bench.cotatraces;

import dev.cota.data.pipeline.GaiaMatch;
import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Scorer;
import dev.cota.bench.gaia.GaiaScorer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores answers to cota traces' questions with GAIA's {@code question_scorer} (numbers compared as
 * floats after removing {@code $ % ,}, strings normalized; see {@link GaiaScorer}); the summary is
 * the accuracy over all items and per template.
 */
public final class CotaTracesScorer implements Scorer {

    @Override
    public ItemScore score(BenchItem item, String prediction) {
        String truth = item.text("ground_truth");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ground_truth", truth);
        fields.put("template", item.fields().get("template"));
        fields.put("answer_type", GaiaMatch.answerType(truth));
        return new ItemScore(item.id(), prediction, GaiaMatch.questionScorer(prediction, truth) ? 1.0 : 0.0, fields);
    }

    @Override
    public Map<String, Object> summarize(List<ItemScore> scores) {
        double correct = 0;
        Map<String, double[]> byTemplate = new TreeMap<>();
        for (ItemScore s : scores) {
            correct += s.score();
            double[] acc = byTemplate.computeIfAbsent(String.valueOf(s.fields().get("template")), k -> new double[2]);
            acc[0] += s.score();
            acc[1]++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accuracy", scores.isEmpty() ? 0.0 : correct / scores.size());
        out.put("correct", (long) correct);
        Map<String, Object> per = new LinkedHashMap<>();
        byTemplate.forEach((t, acc) -> per.put(t, acc[0] / acc[1]));
        out.put("accuracy_by_template", per);
        return out;
    }
}
