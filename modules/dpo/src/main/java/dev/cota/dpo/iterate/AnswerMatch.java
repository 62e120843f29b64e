package dev.cota.dpo.iterate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a predicted final answer equals a reference answer, normalized as GAIA's
 * {@code question_scorer} (gaia-benchmark scorer.py) does it: a reference that parses as a number is
 * compared as a float after {@code $ % ,} are removed from the prediction; a reference holding
 * {@code ,} or {@code ;} is compared element by element (numbers as numbers, strings lower-cased
 * without whitespace); any other reference is compared lower-cased with whitespace and ASCII
 * punctuation removed. cota-dpo may not import cota-bench's scorer, hence this small copy of the rule.
 */
public final class AnswerMatch {

    /** What Python's {@code float()} accepts (underscores aside): signed decimals, exponents, inf, nan. */
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPLIT = Pattern.compile("[,;]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private AnswerMatch() {
    }

    /** True when {@code prediction} matches {@code truth} under GAIA's normalization; a null prediction never does. */
    public static boolean matches(String prediction, String truth) {
        if (prediction == null || truth == null) {
            return false;
        }
        Double number = parseFloat(truth);
        if (number != null) {
            return normalizeNumber(prediction) == number;
        }
        if (truth.contains(",") || truth.contains(";")) {
            String[] gt = SPLIT.split(truth, -1);
            String[] ma = SPLIT.split(prediction, -1);
            if (gt.length != ma.length) {
                return false;
            }
            for (int i = 0; i < gt.length; i++) {
                Double n = parseFloat(gt[i]);
                boolean same = n != null ? normalizeNumber(ma[i]) == n
                        : normalizeString(ma[i], false).equals(normalizeString(gt[i], false));
                if (!same) {
                    return false;
                }
            }
            return true;
        }
        return normalizeString(prediction, true).equals(normalizeString(truth, true));
    }

    /** The text as a number after removing {@code $ % ,}; positive infinity when it is not one (as GAIA). */
    public static double normalizeNumber(String text) {
        Double d = parseFloat(text.replace("$", "").replace("%", "").replace(",", ""));
        return d == null ? Double.POSITIVE_INFINITY : d;
    }

    /** Lower case without whitespace, and without ASCII punctuation when {@code removePunctuation}. */
    public static String normalizeString(String text, boolean removePunctuation) {
        String s = WHITESPACE.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
        if (!removePunctuation) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (PUNCTUATION.indexOf(s.charAt(i)) < 0) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    /** Python's {@code float(text)}, or null where it raises (Java's own parser accepts more, e.g. {@code 1d}). */
    static Double parseFloat(String text) {
        String t = text.strip();
        if (!FLOAT.matcher(t).matches()) {
            return null;
        }
        String l = t.toLowerCase(Locale.ROOT);
        if (l.endsWith("inf") || l.endsWith("infinity")) {
            return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return l.endsWith("nan") ? Double.NaN : Double.parseDouble(t);
    }
}
