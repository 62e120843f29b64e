package dev.cota.bench.mmvp;

import dev.cota.data.python.PyText;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule-based reading of MMVP answers in lmms-eval ({@code lmms_eval/tasks/mmvp/utils.py}):
 * {@code _extract_answer_letter} (five regexes tried in order, case-insensitive, then the first
 * character) and {@code _normalize_answer} for the gold {@code "(a)"}/{@code "(b)"}.
 */
final class MmvpAnswer {

    // UNIX_LINES: Python's '$' only knows '\n'; UNICODE_CHARACTER_CLASS: Python's str '\s' is Unicode.
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("^\\s*\\(?([AB])\\)?\\.?\\s*$", FLAGS),
            Pattern.compile("^\\s*\\(?([AB])\\)?[\\.\\s]", FLAGS),
            Pattern.compile("answer\\s+is\\s+\\(?([AB])\\)?", FLAGS),
            Pattern.compile("option\\s+\\(?([AB])\\)?", FLAGS),
            Pattern.compile("\\(?([AB])\\)?(?:\\s|$)", FLAGS));

    private MmvpAnswer() {
    }

    /** {@code _extract_answer_letter}: "A", "B", or "" when no letter is found. */
    static String letter(String text) {
        String t = PyText.strip(text);
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(t);
            if (m.find()) {
                return m.group(1).toUpperCase(Locale.ROOT);
            }
        }
        if (!t.isEmpty()) {
            String first = t.substring(0, 1).toUpperCase(Locale.ROOT);
            if (first.equals("A") || first.equals("B")) {
                return first;
            }
        }
        return "";
    }

    /** {@code _normalize_answer}: "(a)" or "a" to "A", "(b)" or "b" to "B", else upper case. */
    static String gold(String answer) {
        String a = PyText.strip(answer).toLowerCase(Locale.ROOT);
        if (a.contains("(a)") || a.equals("a")) {
            return "A";
        }
        if (a.contains("(b)") || a.equals("b")) {
            return "B";
        }
        return a.toUpperCase(Locale.ROOT);
    }
}
