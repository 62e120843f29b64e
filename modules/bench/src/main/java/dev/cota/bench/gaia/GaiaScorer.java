package dev.cota.bench.gaia;

import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Scorer;
import dev.cota.data.pipeline.GaiaMatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GAIA's official scorer: {@code question_scorer} of the leaderboard space's {@code scorer.py}
 * (huggingface.co/spaces/gaia-benchmark/leaderboard), with Python's semantics. A ground truth that
 * Python's {@code float()} accepts is compared as a number with the answer after removing
 * {@code $}, {@code %} and {@code ,} ({@code normalize_number_str}: an answer {@code float()}
 * rejects becomes {@code inf}, so it matches only a ground truth of {@code inf}); a ground truth
 * holding {@code ,} or {@code ;} is split on both ({@code re.split}, empty pieces kept) and compared
 * element-wise, numbers as numbers and strings with whitespace removed and lower-cased, punctuation
 * kept, lists of different lengths failing; any other ground truth is compared as a string with
 * whitespace and {@code string.punctuation} removed, lower-cased. The summary is the leaderboard's:
 * {@code score} over all tasks and {@code score_level1..3}, fractions of tasks correct. The rule
 * itself is {@link GaiaMatch}, shared with the trainers that match answers.
 */
public final class GaiaScorer implements Scorer {

    @Override
    public ItemScore score(BenchItem item, String prediction) {
        String truth = item.text("Final answer");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Level", item.fields().get("Level"));
        fields.put("Final answer", truth);
        fields.put("answer_type", GaiaMatch.answerType(truth));
        return new ItemScore(item.id(), prediction, GaiaMatch.questionScorer(prediction, truth) ? 1.0 : 0.0, fields);
    }

    @Override
    public Map<String, Object> summarize(List<ItemScore> scores) {
        double all = 0;
        Map<Integer, double[]> byLevel = new TreeMap<>();
        for (ItemScore s : scores) {
            all += s.score();
            int level = ((Number) s.fields().get("Level")).intValue();
            double[] acc = byLevel.computeIfAbsent(level, k -> new double[2]);
            acc[0] += s.score();
            acc[1]++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("score", scores.isEmpty() ? 0.0 : all / scores.size());
        out.put("correct", (long) all);
        for (Map.Entry<Integer, double[]> e : byLevel.entrySet()) {
            out.put("score_level" + e.getKey(), e.getValue()[0] / e.getValue()[1]);
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        byLevel.forEach((level, acc) -> counts.put("level" + level, (long) acc[1]));
        out.put("tasks_per_level", counts);
        return out;
    }
}
