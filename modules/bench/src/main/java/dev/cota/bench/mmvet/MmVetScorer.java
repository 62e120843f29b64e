package dev.cota.bench.mmvet;

import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Judge;
import dev.cota.bench.Scorer;
import dev.cota.bench.judge.JudgeCalls;
import dev.cota.data.python.PyText;
import dev.cota.core.CotaException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MM-Vet's official scoring ({@code mm-vet_evaluator.py}). Every grade comes from the GPT-4 grader
 * ({@link MmVetGrader}); the official code has no rule-based path, so without a judge each item
 * scores 0 with {@code unjudged: true} and the summary says {@code judge: none} with the count next
 * to figures that are then lower bounds. An {@link ItemScore} whose fields hold {@code grades} (one
 * grade per grading run, as a judge records them) is aggregated with those runs
 * ({@link MmVetScores}); {@code total} and the per-capability figures are percentages.
 *
 * <p>With a judge, each item is graded {@link Judge#runs()} times (the script's {@code --num_run},
 * default 1) by {@code runs()}'s loop: the grader message at temperature 0; while the reply's first
 * token is not a float in [0, 1], the retry message at the next of {@link MmVetGrader#RETRY_TEMPERATURES};
 * after the fifth retry the grade is 0.0 unparsed. The item records {@code grades} (one per run),
 * {@code contents} (the reply each grade came from, as the script's grade file does) and {@code judge};
 * its score is the mean of its grades, and the summary's {@code judge} is the judge model.
 */
public final class MmVetScorer implements Scorer {

    @Override
    public ItemScore score(BenchItem item, String prediction) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("capability", item.fields().get("capability"));
        f.put("answer", item.text("answer"));
        f.put("unjudged", true);
        return new ItemScore(item.id(), prediction, 0.0, f);
    }

    @Override
    public ItemScore score(BenchItem item, String prediction, Judge judge) {
        if (judge == null) {
            return score(item, prediction);
        }
        List<Double> grades = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        for (int run = 0; run < judge.runs(); run++) {
            grade(item, prediction, judge, run, grades, contents);
        }
        double sum = 0;
        for (double g : grades) {
            sum += g;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("capability", item.fields().get("capability"));
        f.put("answer", item.text("answer"));
        f.put("grades", grades);
        f.put("contents", contents);
        f.put("judge", judge.model());
        return new ItemScore(item.id(), prediction, sum / grades.size(), f);
    }

    /** One grading run of {@code runs()} in mm-vet_evaluator.py; every request of run r is asking r. */
    private static void grade(BenchItem item, String prediction, Judge judge, int run, List<Double> grades,
                              List<String> contents) {
        String question = item.text("question");
        String answer = item.text("answer");
        String content = JudgeCalls.ask(judge, item.id(), MmVetGrader.message(question, answer, prediction, false),
                0.0, MmVetGrader.MAX_TOKENS, run);
        int retry = 0;
        while (true) {
            var score = MmVetGrader.parse(content);
            if (score.isPresent()) {
                if (Double.isNaN(score.getAsDouble())) {
                    throw new CotaException("judge " + judge.model() + ", item " + item.id() + ": the grader replied '"
                            + content + "', which Python reads as nan: the official totals would be nan");
                }
                grades.add(score.getAsDouble());
                contents.add(first(content));
                return;
            }
            if (retry == MmVetGrader.RETRY_TEMPERATURES.size()) {
                grades.add(0.0); // try_time > 5: the official gives up without parsing the last reply
                contents.add(content);
                return;
            }
            content = JudgeCalls.ask(judge, item.id(), MmVetGrader.message(question, answer, prediction, true),
                    MmVetGrader.RETRY_TEMPERATURES.get(retry), MmVetGrader.MAX_TOKENS, run);
            retry++;
        }
    }

    /** What the script keeps as the grade's {@code content}: {@code content.split(" ")[0].strip()}. */
    private static String first(String content) {
        return PyText.strip(PyText.split(content, " ").get(0));
    }

    @Override
    public Map<String, Object> summarize(List<ItemScore> scores) {
        List<List<String>> caps = new ArrayList<>();
        List<double[]> grades = new ArrayList<>();
        int unjudged = 0;
        String judge = null;
        for (ItemScore s : scores) {
            if (judge == null && s.fields().get("judge") instanceof String j) {
                judge = j;
            }
            List<String> c = new ArrayList<>();
            for (Object o : (List<?>) s.fields().get("capability")) {
                c.add(String.valueOf(o));
            }
            caps.add(c);
            Object g = s.fields().get("grades");
            if (g instanceof List<?> runs && !runs.isEmpty()) {
                double[] v = new double[runs.size()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = ((Number) runs.get(r)).doubleValue();
                }
                grades.add(v);
            } else {
                grades.add(new double[] {s.score()});
            }
            if (Boolean.TRUE.equals(s.fields().get("unjudged"))) {
                unjudged++;
            }
        }
        int runs = grades.isEmpty() ? 0 : grades.get(0).length;
        for (double[] g : grades) {
            if (g.length != runs) {
                throw new IllegalArgumentException("MM-Vet items were graded a different number of times");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>(MmVetScores.aggregate(caps, grades));
        out.put("num_runs", runs);
        out.put("judge", unjudged > 0 || judge == null ? "none" : judge);
        out.put("unjudged", unjudged);
        return out;
    }
}
