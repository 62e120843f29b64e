package dev.cota.bench.blink;

import dev.cota.data.python.PyText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * BLINK's rule-based answer extraction, {@code analyze_answer} in {@code eval/test_benchmark.py}: a
 * bare letter {@code A}..{@code E} becomes {@code (A)}..; a bare {@code (A)}..{@code (E)} is kept; a
 * longer output is read when exactly one of the item's choice labels {@code (A)}.. appears among its
 * whitespace-separated words (the last paragraph, after {@code \n\n}, wins when it names exactly
 * one); anything else goes to the official GPT-3.5 choice matcher ({@code multiple_choice.py}), which
 * cota does not call: such outputs are returned as {@code null} ("needs the judge").
 */
final class BlinkAnswer {

    private static final List<String> LETTERS = List.of("A", "B", "C", "D", "E");
    private static final List<String> LABELS = List.of("(A)", "(B)", "(C)", "(D)", "(E)");

    private BlinkAnswer() {
    }

    /** The extracted {@code (X)} label, or null when the official code would ask GPT-3.5. */
    static String extract(String output, int choiceCount) {
        List<String> all = LABELS.subList(0, Math.min(choiceCount, LABELS.size()));
        Set<String> intersect = intersect(all, PyText.split(output));
        List<String> paragraphs = PyText.split(output, "\n\n");
        Set<String> intersectLast = intersect(all, PyText.split(paragraphs.get(paragraphs.size() - 1)));
        // The bare forms are checked against all five labels, whatever the number of choices.
        if (LETTERS.contains(output)) {
            return "(" + output + ")";
        }
        if (LABELS.contains(output)) {
            return output;
        }
        if ((intersect.size() != 1 && intersectLast.size() != 1) || intersect.isEmpty()) {
            return null;
        }
        return intersectLast.size() == 1 ? intersectLast.iterator().next() : intersect.iterator().next();
    }

    private static Set<String> intersect(List<String> labels, List<String> words) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> w = new LinkedHashSet<>(words);
        for (String l : labels) {
            if (w.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }
}
