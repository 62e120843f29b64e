package dev.cota.bench.mmvp;

import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Judge;
import dev.cota.bench.Scorer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MMVP's scoring. The official grader ({@code scripts/gpt_grader.py}) asks GPT-4 whether each
 * response answers its question and counts a pair of consecutive questions (1, 2), (3, 4), ... as
 * right only when both are; accuracy = right pairs / pairs. cota reads the chosen option with
 * lmms-eval's rule-based extraction ({@link MmvpAnswer}; {@code mmvp_process_results}) and pairs by
 * {@code (Index - 1) // 2} as {@code mmvp_aggregate_pair_results} does (incomplete pairs are left
 * out). A response in which the extraction finds no option is what only the GPT grader could decide:
 * it scores 0 with {@code unjudged: true}, and the summary says {@code judge: none} with the count.
 * With a judge, every response is graded as the official grader does
 * ({@link #score(BenchItem, String, Judge)}). lmms-eval's corrections of four gold answers (indices 99, 100, 279, 280) are not applied: the
 * answers are the released file's. Figures are fractions in [0, 1].
 */
public final class MmvpScorer implements Scorer {

    /** {@code gpt_grader.py}'s system message. */
    public static final String GRADER_SYSTEM = "You are a helpful and precise assistant for checking the quality of the"
            + " answer. Please answer in only yes or no.";

    /** {@code gpt_grader.py}'s temperature. */
    public static final double GRADER_TEMPERATURE = 0.2;

    /**
     * The grader sends no {@code max_tokens}; a reply is only used when it is exactly yes or no, so
     * any bound well above that changes nothing.
     */
    public static final int GRADER_MAX_TOKENS = 1024;

    private static final java.util.regex.Pattern YES_NO =
            java.util.regex.Pattern.compile("^(yes|no)\\n?$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** {@code gpt_grader.py}'s user message for one response ({@code prompt} is Question + " " + Options). */
    public static String graderMessage(String prompt, String correct, String response) {
        return "Given the following question " + prompt + ", the correct answer is " + correct
                + ". Does the following answer correctly answers the question, answer:" + response + "?";
    }

    /**
     * With a judge, the official {@code scripts/gpt_grader.py}: every response is graded by the judge
     * (system message, temperature 0.2), a reply counts only when it is exactly {@code yes} or
     * {@code no} (Python's {@code re.match(r"^(yes|no)$", answer, re.IGNORECASE)}, whose {@code $} also
     * matches before a final newline), and a pair is right when both of its responses are graded yes.
     */
    @Override
    public ItemScore score(BenchItem item, String prediction, Judge judge) {
        if (judge == null) {
            return score(item, prediction);
        }
        String reply = dev.cota.bench.judge.JudgeCalls.ask(judge, item.id(), GRADER_SYSTEM,
                graderMessage(item.question(), item.text("Correct Answer"), prediction), GRADER_TEMPERATURE,
                GRADER_MAX_TOKENS, 0);
        java.util.regex.Matcher m = YES_NO.matcher(reply);
        String grade = m.matches() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "Could not determine yes or no.";
        Map<String, Object> f = new LinkedHashMap<>();
        int index = ((Number) item.fields().get("Index")).intValue();
        f.put("pair", Math.floorDiv(index - 1, 2));
        f.put("answer", item.text("Correct Answer"));
        f.put("grade", grade);
        f.put("judge", judge.model());
        return new ItemScore(item.id(), prediction, grade.equals("yes") ? 1.0 : 0.0, f);
    }

    @Override
    public ItemScore score(BenchItem item, String prediction) {
        String gold = MmvpAnswer.gold(item.text("Correct Answer"));
        String letter = MmvpAnswer.letter(prediction);
        Map<String, Object> f = new LinkedHashMap<>();
        int index = ((Number) item.fields().get("Index")).intValue();
        f.put("pair", Math.floorDiv(index - 1, 2));
        f.put("answer", gold);
        f.put("parsed", letter);
        if (letter.isEmpty()) {
            f.put("unjudged", true);
        }
        return new ItemScore(item.id(), prediction, letter.equals(gold) ? 1.0 : 0.0, f);
    }

    @Override
    public Map<String, Object> summarize(List<ItemScore> scores) {
        Map<Integer, int[]> pairs = new TreeMap<>();
        int right = 0;
        int unjudged = 0;
        String judge = "none";
        for (ItemScore s : scores) {
            if (s.fields().get("judge") instanceof String j) {
                judge = j;
            }
            int[] p = pairs.computeIfAbsent(((Number) s.fields().get("pair")).intValue(), k -> new int[2]);
            p[0]++;
            if (s.score() == 1.0) {
                p[1]++;
                right++;
            }
            if (Boolean.TRUE.equals(s.fields().get("unjudged"))) {
                unjudged++;
            }
        }
        int total = 0;
        int both = 0;
        for (int[] p : pairs.values()) {
            if (p[0] == 2) {
                total++;
                if (p[1] == 2) {
                    both++;
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pair_accuracy", total == 0 ? 0.0 : (double) both / total);
        out.put("pairs", total);
        out.put("accuracy", scores.isEmpty() ? 0.0 : (double) right / scores.size());
        out.put("judge", unjudged > 0 ? "none" : judge);
        out.put("unjudged", unjudged);
        return out;
    }
}
