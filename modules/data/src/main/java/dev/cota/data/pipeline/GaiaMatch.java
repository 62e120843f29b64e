package dev.cota.data.pipeline;

import dev.cota.data.python.PyFloat;
import dev.cota.data.python.PyText;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * GAIA's answer rule, {@code question_scorer} of the leaderboard space's {@code scorer.py}
 * (huggingface.co/spaces/gaia-benchmark/leaderboard), with Python's semantics: a ground truth that
 * Python's {@code float()} accepts is compared as a number with the answer after removing
 * {@code $}, {@code %} and {@code ,} (an answer {@code float()} rejects becomes {@code inf}); a ground
 * truth holding {@code ,} or {@code ;} is split on both (empty pieces kept) and compared element-wise,
 * numbers as numbers and strings with whitespace removed and lower-cased, punctuation kept, lists of
 * different lengths failing; any other ground truth is compared as a string with whitespace and
 * {@code string.punctuation} removed, lower-cased. The GAIA scorer, the {@code cota-traces} suite and
 * iterative DPO's answer matching all use this one copy.
 */
public final class GaiaMatch {

    private GaiaMatch() {
    }

    /** How {@code question_scorer} treats a ground truth: {@code number}, {@code list} or {@code string}. */
    public static String answerType(String groundTruth) {
        if (PyFloat.isFloat(groundTruth)) {
            return "number";
        }
        return groundTruth.indexOf(',') >= 0 || groundTruth.indexOf(';') >= 0 ? "list" : "string";
    }

    /** {@code question_scorer(model_answer, ground_truth)}; a null answer is the string "None" as there. */
    public static boolean questionScorer(String modelAnswer, String groundTruth) {
        String answer = modelAnswer == null ? "None" : modelAnswer;
        OptionalDouble truthNumber = PyFloat.parse(groundTruth);
        if (truthNumber.isPresent()) {
            return normalizeNumber(answer) == truthNumber.getAsDouble();
        }
        if (groundTruth.indexOf(',') >= 0 || groundTruth.indexOf(';') >= 0) {
            List<String> truths = splitList(groundTruth);
            List<String> answers = splitList(answer);
            if (truths.size() != answers.size()) {
                return false;
            }
            for (int i = 0; i < truths.size(); i++) {
                OptionalDouble t = PyFloat.parse(truths.get(i));
                boolean same = t.isPresent()
                        ? normalizeNumber(answers.get(i)) == t.getAsDouble()
                        : normalizeKeepPunctuation(answers.get(i)).equals(normalizeKeepPunctuation(truths.get(i)));
                if (!same) {
                    return false;
                }
            }
            return true;
        }
        return normalize(answer).equals(normalize(groundTruth));
    }

    /** {@code normalize_number_str}: {@code $ % ,} removed, then {@code float()}, or {@code inf}. */
    public static double normalizeNumber(String s) {
        String t = s.replace("$", "").replace("%", "").replace(",", "");
        return PyFloat.parse(t).orElse(Double.POSITIVE_INFINITY);
    }

    /** {@code re.split("[,;]", s)}: unlike {@code String.split}, trailing empty pieces stay. */
    public static List<String> splitList(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ';') {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** {@code normalize_str(s)}: whitespace removed, lower-cased, punctuation removed. */
    public static String normalize(String s) {
        return PyText.removePunctuation(PyText.lower(PyText.removeSpaces(s)));
    }

    /** {@code normalize_str(s, remove_punct=False)}. */
    public static String normalizeKeepPunctuation(String s) {
        return PyText.lower(PyText.removeSpaces(s));
    }
}
