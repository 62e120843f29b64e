package dev.cota.bench.mathvista;

import dev.cota.bench.text.Levenshtein;
import dev.cota.data.python.PyFloat;
import dev.cota.bench.text.PyNumbers;
import dev.cota.bench.text.PyRound;
import dev.cota.data.python.PyText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two rule-based steps of MathVista's official evaluation. {@link #extract} is the part of
 * {@code extract_answer.py}'s {@code extract_answer} that runs before GPT is called (empty response;
 * a response that is one of the choices; {@code int(response)} for integer answers;
 * {@code str(float(response))} for float answers; and, as with {@code --quick_extract}, the text
 * inside {@code The answer is "..."}.); null means GPT would be asked. {@link #normalize} is
 * {@code calculate_score.py}'s {@code normalize_extracted_answer}.
 */
final class MathVistaRules {

    // Python's re: '.' stops only at \n (UNIX_LINES), greedy, searched anywhere.
    private static final Pattern QUICK = Pattern.compile("The answer is \"(.*)\"\\.", Pattern.UNIX_LINES);
    private static final Pattern LETTER = Pattern.compile("\\(([a-zA-Z])\\)");

    /** What the rules extracted, and which rule did. */
    record Extraction(String text, String rule) {
    }

    private MathVistaRules() {
    }

    static Extraction extract(String response, String questionType, String answerType, List<String> choices) {
        if (response.isEmpty()) {
            return new Extraction("", "empty");
        }
        if (questionType.equals("multi_choice") && choices != null && choices.contains(response)) {
            return new Extraction(response, "choice");
        }
        if (answerType.equals("integer")) {
            BigInteger i = PyNumbers.parseInt(response);
            if (i != null) {
                return new Extraction(i.toString(), "integer");
            }
        }
        if (answerType.equals("float")) {
            OptionalDouble d = PyFloat.parse(response);
            if (d.isPresent()) {
                return new Extraction(PyNumbers.repr(d.getAsDouble()), "float");
            }
        }
        Matcher m = QUICK.matcher(response);
        if (m.find()) {
            return new Extraction(m.group(1), "quick_extract");
        }
        return null;
    }

    /**
     * {@code normalize_extracted_answer(extraction, choices, question_type, answer_type, precision)};
     * null where Python gives None. {@code precision} is the JSON value: an integer, null, or anything
     * else (a float such as 1.0 makes Python's {@code round} raise, which the official code turns into None).
     */
    static String normalize(String extraction, List<String> choices, String questionType, String answerType,
                            Object precision) {
        if (questionType.equals("multi_choice")) {
            String e = PyText.strip(extraction);
            Matcher m = LETTER.matcher(e);
            if (m.find()) {
                e = m.group(1).toUpperCase(Locale.ROOT);
            }
            if (e.length() == 1 && e.charAt(0) >= 'A' && e.charAt(0) - 'A' < choices.size()) {
                return choices.get(e.charAt(0) - 'A');
            }
            return mostSimilar(e, choices);
        }
        switch (answerType) {
            case "integer": {
                OptionalDouble d = PyFloat.parse(extraction);
                if (d.isEmpty() || Double.isNaN(d.getAsDouble()) || Double.isInfinite(d.getAsDouble())) {
                    return null; // ValueError / OverflowError in int(float(...))
                }
                return new BigDecimal(d.getAsDouble()).toBigInteger().toString(); // int() truncates toward zero
            }
            case "float": {
                OptionalDouble d = PyFloat.parse(extraction);
                if (d.isEmpty()) {
                    return null;
                }
                if (precision == null) {
                    BigInteger r = PyRound.roundToInt(d.getAsDouble()); // round(x, None) is round(x): an int
                    return r == null ? null : r.toString();
                }
                if (precision instanceof Integer || precision instanceof Long) {
                    return PyNumbers.repr(PyRound.round(d.getAsDouble(), ((Number) precision).intValue()));
                }
                return null;
            }
            default:
                return extraction; // "list": str(extraction); "text" free-form: unchanged
        }
    }

    /** {@code get_most_similar}: the first choice at the least Levenshtein distance. */
    static String mostSimilar(String prediction, List<String> choices) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : choices) {
            int d = Levenshtein.distance(prediction, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }
}
