package dev.cota.bench.mme;

import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Scorer;
import dev.cota.data.python.PyText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MME's official scorer, {@code eval_tool/calculation.py} ({@code calculate_metrics}): the lower-cased
 * prediction is {@code yes}/{@code no} when it is exactly that, else {@code yes} if its first four
 * characters contain "yes", else {@code no} if they contain "no", else {@code other} (always wrong);
 * per subtask {@code acc} is the share of right answers, {@code acc_plus} the share of images with
 * both questions right, and the subtask score {@code acc*100 + acc_plus*100}; {@code Perception} and
 * {@code Cognition} are the sums of their subtasks' scores.
 */
public final class MmeScorer implements Scorer {

    /** {@code parse_pred_ans} on the lower-cased prediction. */
    static String parse(String prediction) {
        String p = PyText.lower(prediction);
        if (p.equals("yes") || p.equals("no")) {
            return p;
        }
        String prefix = PyText.head(p, 4);
        if (prefix.contains("yes")) {
            return "yes";
        }
        return prefix.contains("no") ? "no" : "other";
    }

    @Override
    public ItemScore score(BenchItem item, String prediction) {
        String parsed = parse(prediction);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("task", item.fields().get("task"));
        fields.put("category", item.fields().get("category"));
        fields.put("image", item.fields().get("image"));
        fields.put("answer", item.fields().get("answer"));
        fields.put("parsed", parsed);
        return new ItemScore(item.id(), prediction, parsed.equals(item.fields().get("answer")) ? 1 : 0, fields);
    }

    @Override
    public Map<String, Object> summarize(List<ItemScore> scores) {
        Map<String, List<ItemScore>> byTask = new LinkedHashMap<>();
        for (ItemScore s : scores) {
            byTask.computeIfAbsent((String) s.fields().get("task"), k -> new ArrayList<>()).add(s);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> subtasks = new LinkedHashMap<>();
        for (String type : MmeTasks.TYPES) {
            double total = 0;
            boolean any = false;
            for (String task : MmeTasks.BY_TYPE.get(type)) {
                List<ItemScore> items = byTask.get(task);
                if (items == null) {
                    continue; // the official tool needs all 14 files; a partial release sums what it has
                }
                Map<String, Object> m = taskMetrics(items);
                subtasks.put(task, m);
                total += (Double) m.get("score");
                any = true;
            }
            if (any) {
                out.put(type, total);
            }
        }
        out.put("subtasks", subtasks);
        return out;
    }

    private static Map<String, Object> taskMetrics(List<ItemScore> items) {
        int correct = 0;
        int other = 0;
        Map<String, Integer> rightPerImage = new LinkedHashMap<>();
        for (ItemScore s : items) {
            String image = (String) s.fields().get("image");
            rightPerImage.merge(image, (int) s.score(), Integer::sum);
            correct += (int) s.score();
            if ("other".equals(s.fields().get("parsed"))) {
                other++;
            }
        }
        int bothRight = 0;
        for (int n : rightPerImage.values()) {
            if (n == 2) {
                bothRight++;
            }
        }
        double acc = (double) correct / items.size();
        double accPlus = (double) bothRight / rightPerImage.size();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("acc", acc);
        m.put("acc_plus", accPlus);
        // task_score += v*100 for "acc" then "acc_plus", in that order, from 0.
        m.put("score", 0.0 + acc * 100 + accPlus * 100);
        m.put("questions", items.size());
        m.put("images", rightPerImage.size());
        m.put("other_num", other);
        return m;
    }
}
