package dev.cota.bench.chartqa;

import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Scorer;
import dev.cota.data.python.PyFloat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * ChartQA's relaxed accuracy as google-research/pix2struct {@code pix2struct/metrics.py}
 * {@code relaxed_correctness(target, prediction, max_relative_change=0.05)} computes it (the code
 * lmms-eval and the Qwen-VL evaluation use): each side goes through {@code _to_float} (a trailing
 * {@code %} — all trailing ones, {@code rstrip('%')} — divides by 100, otherwise Python's
 * {@code float()}); when the prediction is a number and the target a non-zero number (Python's
 * truthiness: 0 is not, NaN is) it is correct within 5% relative change, otherwise the two must be
 * equal after {@code lower()}, nothing stripped. The summary is lmms-eval's names:
 * {@code relaxed_overall} (all items) and {@code relaxed_<split>_split}.
 */
public final class RelaxedAccuracyScorer implements Scorer {

    static final double MAX_RELATIVE_CHANGE = 0.05;

    @Override
    public ItemScore score(BenchItem item, String prediction) {
        String label = item.text("label");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("split", item.fields().get("split"));
        fields.put("label", label);
        return new ItemScore(item.id(), prediction, relaxedCorrectness(label, prediction) ? 1.0 : 0.0, fields);
    }

    /** {@code relaxed_correctness(target, prediction)}. */
    public static boolean relaxedCorrectness(String target, String prediction) {
        OptionalDouble p = toFloat(prediction);
        OptionalDouble t = toFloat(target);
        if (p.isPresent() && t.isPresent() && t.getAsDouble() != 0.0) {
            double change = Math.abs(p.getAsDouble() - t.getAsDouble()) / Math.abs(t.getAsDouble());
            return change <= MAX_RELATIVE_CHANGE;
        }
        return prediction.toLowerCase(java.util.Locale.ROOT).equals(target.toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code _to_float}: percent when it ends in {@code %}, else {@code float()}; empty on ValueError. */
    static OptionalDouble toFloat(String text) {
        if (text.endsWith("%")) {
            int end = text.length();
            while (end > 0 && text.charAt(end - 1) == '%') {
                end--;
            }
            OptionalDouble v = PyFloat.parse(text.substring(0, end));
            return v.isPresent() ? OptionalDouble.of(v.getAsDouble() / 100.0) : v;
        }
        return PyFloat.parse(text);
    }

    @Override
    public Map<String, Object> summarize(List<ItemScore> scores) {
        Map<String, double[]> bySplit = new LinkedHashMap<>();
        for (String split : ChartQaLoader.SPLITS) {
            bySplit.put(split, new double[2]);
        }
        double total = 0;
        for (ItemScore s : scores) {
            total += s.score();
            double[] acc = bySplit.computeIfAbsent(String.valueOf(s.fields().get("split")), k -> new double[2]);
            acc[0] += s.score();
            acc[1]++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("relaxed_overall", scores.isEmpty() ? 0.0 : total / scores.size());
        bySplit.forEach((split, acc) -> {
            if (acc[1] > 0) {
                out.put("relaxed_" + split + "_split", acc[0] / acc[1]);
            }
        });
        return out;
    }
}
