package dev.cota.bench.cvbench;

import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Scorer;
import dev.cota.data.python.PyText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CV-Bench's official scoring. The letter is read as lmms-eval's {@code cv_bench_process_results}
 * reads it ({@code lmms_eval/tasks/cv_bench/utils.py}, {@code _extract_answer_letter}:
 * {@code re.match(r'[\(\s]*([A-Z])[\)\.\s]*', text.strip(), re.IGNORECASE)}, so the first letter of
 * the stripped output, after any {@code (} and spaces, is the answer) and compared with
 * {@code answer.strip("()")}. The aggregate is the formula of the dataset card and of
 * {@code cv_bench_default_aggregate_results}: accuracy per {@code source}, {@code 2d} = mean of the
 * ADE20K and COCO accuracies, {@code 3d} = the Omni3D accuracy, {@code overall} = mean of 2D and 3D
 * (fractions). A figure whose source has no items is null (the official code raises).
 */
public final class CvBenchScorer implements Scorer {

    private static final Pattern LETTER = Pattern.compile("[\\(\\s]*([A-Z])[\\)\\.\\s]*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    /** {@code _extract_answer_letter}: the upper-cased letter, or "". */
    static String letter(String text) {
        Matcher m = LETTER.matcher(PyText.strip(text));
        return m.lookingAt() ? m.group(1).toUpperCase(Locale.ROOT) : "";
    }

    /** Python's {@code s.strip("()")}. */
    static String stripParens(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == '(' || s.charAt(a) == ')')) {
            a++;
        }
        while (b > a && (s.charAt(b - 1) == '(' || s.charAt(b - 1) == ')')) {
            b--;
        }
        return s.substring(a, b);
    }

    @Override
    public ItemScore score(BenchItem item, String prediction) {
        String gold = stripParens(item.text("answer"));
        String parsed = letter(prediction);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", item.text("type"));
        f.put("task", item.text("task"));
        f.put("source", item.text("source"));
        f.put("answer", gold);
        f.put("parsed", parsed);
        return new ItemScore(item.id(), prediction, parsed.equals(gold) ? 1.0 : 0.0, f);
    }

    @Override
    public Map<String, Object> summarize(List<ItemScore> scores) {
        Map<String, Double> sources = accuracies(scores, "source");
        Double ade = sources.get("ADE20K");
        Double coco = sources.get("COCO");
        Double omni = sources.get("Omni3D");
        Double twoD = ade == null || coco == null ? null : (ade + coco) / 2;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("overall", twoD == null || omni == null ? null : (twoD + omni) / 2);
        out.put("2d", twoD);
        out.put("3d", omni);
        out.put("sources", sources);
        out.put("tasks", accuracies(scores, "task"));
        return out;
    }

    private static Map<String, Double> accuracies(List<ItemScore> scores, String key) {
        Map<String, double[]> acc = new TreeMap<>();
        for (ItemScore s : scores) {
            double[] a = acc.computeIfAbsent(String.valueOf(s.fields().get(key)), k -> new double[2]);
            a[0] += s.score();
            a[1]++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        acc.forEach((k, a) -> out.put(k, a[0] / a[1]));
        return out;
    }
}
