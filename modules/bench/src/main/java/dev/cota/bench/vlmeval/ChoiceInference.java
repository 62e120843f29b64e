package dev.cota.bench.vlmeval;

import dev.cota.data.python.PyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * VLMEvalKit's rule-based answer extraction, {@code can_infer} in {@code vlmeval/utils/matching_util.py}
 * (open-compass/VLMEvalKit at 18fc37a): {@code can_infer_option} first (refusal phrases give "Z"; the
 * characters {@code .()[],:;!*#{}} become spaces, the text is split on whitespace, and exactly one
 * option letter among the pieces is the answer; no letter but a lone "Z" gives "Z"), then
 * {@code can_infer_text} (exactly one option whose lower-cased text occurs in the lower-cased answer).
 * Null stands for Python's {@code False}: the rules cannot decide and VLMEvalKit would ask its LLM judge.
 */
public final class ChoiceInference {

    private static final String REMOVED = ".()[],:;!*#{}";

    private static final List<String> REJECTIONS = List.of(
            "Sorry, I can't help with images of people yet.",
            "I can't process this file.",
            "I'm sorry, but without the image provided",
            "Cannot determine the answer");

    private ChoiceInference() {
    }

    /** {@code can_infer(answer, choices)}: an option letter, "Z", or null. */
    public static String canInfer(String answer, Map<String, String> choices) {
        String option = canInferOption(answer, choices);
        return option != null ? option : canInferText(answer, choices);
    }

    /**
     * {@code can_infer_option}. The official code's extra check for "A" as a quantifier runs only with
     * the VERBOSE environment variable set, which evaluation runs do not set; it is left out.
     */
    public static String canInferOption(String answer, Map<String, String> choices) {
        if (answer.contains("Failed to obtain answer via API")) {
            return null;
        }
        for (String r : REJECTIONS) {
            if (answer.contains(r)) {
                return "Z";
            }
        }
        StringBuilder mod = new StringBuilder(answer.length());
        for (int i = 0; i < answer.length(); i++) {
            char c = answer.charAt(i);
            mod.append(REMOVED.indexOf(c) >= 0 ? ' ' : c);
        }
        List<String> splits = PyText.split(mod.toString());
        List<String> found = new ArrayList<>();
        for (String letter : choices.keySet()) {
            if (splits.contains(letter)) {
                found.add(letter);
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty() && splits.contains("Z")) {
            return "Z";
        }
        return null;
    }

    /** {@code can_infer_text}: the one option whose lower-cased text is inside the lower-cased answer. */
    public static String canInferText(String answer, Map<String, String> choices) {
        String a = PyText.lower(answer);
        String hit = null;
        int hits = 0;
        for (Map.Entry<String, String> e : choices.entrySet()) {
            if (a.contains(PyText.lower(e.getValue()))) {
                hit = e.getKey();
                hits++;
            }
        }
        return hits == 1 ? hit : null;
    }
}
