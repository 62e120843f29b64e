package dev.cota.bench.vqav2;

import dev.cota.data.python.PyText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The VQA accuracy of one answer, as {@code VQAEval.evaluate} (GT-Vision-Lab/VQA
 * {@code PythonEvaluationTools/vqaEvaluation/vqaEval.py}, master) computes it: newlines and tabs
 * become spaces and the ends are stripped on the answer and on every human answer; only when the
 * human answers are not all identical are both the answer and the human answers normalized
 * ({@link VqaNormalizer}) — when they agree, the answer must equal them as typed; then, for each of
 * the n human answers left out in turn, {@code min(1, matches among the other n-1 / 3)}, averaged.
 */
public final class VqaAccuracy {

    private VqaAccuracy() {
    }

    /** The accuracy in [0, 1] of {@code prediction} against the human answers. */
    public static double score(String prediction, List<String> humanAnswers) {
        if (humanAnswers.isEmpty()) {
            throw new IllegalArgumentException("VQA accuracy needs at least one human answer");
        }
        List<String> gts = new ArrayList<>(humanAnswers.size());
        for (String a : humanAnswers) {
            gts.add(clean(a));
        }
        String res = clean(prediction);
        if (new HashSet<>(gts).size() > 1) {
            gts.replaceAll(a -> VqaNormalizer.processDigitArticle(VqaNormalizer.processPunctuation(a)));
            res = VqaNormalizer.processDigitArticle(VqaNormalizer.processPunctuation(res));
        }
        int matchesAll = 0;
        boolean[] match = new boolean[gts.size()];
        for (int i = 0; i < gts.size(); i++) {
            match[i] = gts.get(i).equals(res);
            if (match[i]) {
                matchesAll++;
            }
        }
        // Summed in order, as Python's sum(gtAcc) does, so the last bit agrees too.
        double sum = 0;
        for (int i = 0; i < gts.size(); i++) {
            int others = matchesAll - (match[i] ? 1 : 0);
            sum += Math.min(1.0, others / 3.0);
        }
        return sum / gts.size();
    }

    /** {@code .replace('\n', ' ').replace('\t', ' ').strip()}. */
    private static String clean(String s) {
        return PyText.strip(s.replace('\n', ' ').replace('\t', ' '));
    }
}
