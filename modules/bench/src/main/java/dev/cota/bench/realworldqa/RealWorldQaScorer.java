package dev.cota.bench.realworldqa;

import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Scorer;
import dev.cota.data.python.PyText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RealWorldQA's scoring in lmms-eval ({@code lmms_eval/tasks/realworldqa/realworldqa.yaml}, filter
 * list {@code flexible-extract}, and {@code utils.py}): {@code NumberWordsToDigitsFilter} maps a
 * whole response {@code zero}..{@code ten} to its digits; {@code MultiChoiceRegexFilter} removes
 * every character that is neither a word character nor whitespace, and where the text of one of
 * the options listed in the question ({@code \b([A-Z])\.\s+([^\n]*)}) occurs in it, the first
 * occurrence's letter is the answer, else the cleaned response is; {@code realworldqa_process_results}
 * then compares {@code pred.lower().strip().rstrip(".")} with {@code answer.lower().strip()}.
 * {@code exact_match} is the mean, a fraction.
 */
public final class RealWorldQaScorer implements Scorer {

    private static final int UNICODE = Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern OPTION = Pattern.compile("\\b([A-Z])\\.\\s+([^\\n]*)", UNICODE);
    private static final Pattern NOT_WORD = Pattern.compile("[^\\w\\s]", UNICODE);
    private static final Map<String, String> NUMBERS = Map.ofEntries(Map.entry("zero", "0"), Map.entry("one", "1"),
            Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
            Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"),
            Map.entry("ten", "10"));

    /** The response after the two filters, as lmms-eval hands it to {@code process_results}. */
    static String filtered(String question, String response) {
        String resp = NUMBERS.getOrDefault(response.toLowerCase(Locale.ROOT), response);
        List<String> alternatives = new ArrayList<>();
        Map<String, String> toLetter = new HashMap<>();
        char next = 'A';
        Matcher m = OPTION.matcher(question);
        while (m.find()) {
            // Letters are handed out in the order options appear, whatever letter the question printed.
            String text = PyText.strip(m.group(2));
            alternatives.add(Pattern.quote(text));
            toLetter.put(text, String.valueOf(next));
            next++;
        }
        String cleaned = PyText.strip(NOT_WORD.matcher(resp).replaceAll(""));
        Matcher any = Pattern.compile(String.join("|", alternatives)).matcher(cleaned);
        if (any.find() && toLetter.containsKey(any.group())) {
            return toLetter.get(any.group());
        }
        return cleaned;
    }

    /** {@code pred.lower().strip().rstrip(".")}. */
    static String normalized(String pred) {
        String p = PyText.strip(pred.toLowerCase(Locale.ROOT));
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '.') {
            end--;
        }
        return p.substring(0, end);
    }

    @Override
    public ItemScore score(BenchItem item, String prediction) {
        String parsed = normalized(filtered(item.text("question"), prediction));
        String gold = PyText.strip(item.text("answer").toLowerCase(Locale.ROOT));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("answer", gold);
        f.put("parsed", parsed);
        return new ItemScore(item.id(), prediction, parsed.equals(gold) ? 1.0 : 0.0, f);
    }

    @Override
    public Map<String, Object> summarize(List<ItemScore> scores) {
        double sum = 0;
        for (ItemScore s : scores) {
            sum += s.score();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exact_match", scores.isEmpty() ? 0.0 : sum / scores.size());
        return out;
    }
}
