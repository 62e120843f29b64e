package dev.cota.bench.vqav2;

import dev.cota.data.python.PyText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer normalization of the official VQA evaluation, {@code VQAEval.processPunctuation} and
 * {@code VQAEval.processDigitArticle} in GT-Vision-Lab/VQA
 * {@code PythonEvaluationTools/vqaEvaluation/vqaEval.py} (master), with its quirks kept: a
 * punctuation mark is deleted (not spaced) when any mark has a space beside it or the text holds a
 * digit-comma-digit; the period pattern {@code (?!<=\d)(\.)(?!\d)} removes every period not followed
 * by a digit, but only the first 32 because {@code re.UNICODE} (= 32) is passed as {@code sub}'s
 * {@code count}; number words zero-ten and "none" become digits, articles are dropped, and the
 * contraction table (whose capitalised keys can never match after lower-casing) is applied.
 */
public final class VqaNormalizer {

    /** {@code self.punct}: note that neither the period, the colon nor the apostrophe is in it. */
    private static final String[] PUNCT = {";", "/", "[", "]", "\"", "{", "}", "(", ")", "=", "+", "\\", "_", "-",
        ">", "<", "@", "`", ",", "?", "!"};

    /** {@code re.sub}'s count argument, which the official call fills with {@code re.UNICODE}. */
    private static final int PERIOD_LIMIT = 32;

    private static final Map<String, String> MANUAL_MAP = Map.ofEntries(Map.entry("none", "0"), Map.entry("zero", "0"),
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"));

    private static final List<String> ARTICLES = List.of("a", "an", "the");

    /** {@code self.contractions} of the official script's master, as key, value pairs. */
    private static final String[] CONTRACTION_PAIRS = {
            "aint", "ain't", "arent", "aren't", "cant", "can't", "couldve", "could've", "couldnt", "couldn't",
            "couldn'tve", "couldn't've", "couldnt've", "couldn't've", "didnt", "didn't", "doesnt", "doesn't",
            "dont", "don't", "hadnt", "hadn't", "hadnt've", "hadn't've", "hadn'tve", "hadn't've",
            "hasnt", "hasn't", "havent", "haven't", "hed", "he'd", "hed've", "he'd've", "he'dve", "he'd've",
            "hes", "he's", "howd", "how'd", "howll", "how'll", "hows", "how's", "Id've", "I'd've",
            "I'dve", "I'd've", "Im", "I'm", "Ive", "I've", "isnt", "isn't", "itd", "it'd", "itd've", "it'd've",
            "it'dve", "it'd've", "itll", "it'll", "let's", "let's", "maam", "ma'am", "mightnt", "mightn't",
            "mightnt've", "mightn't've", "mightn'tve", "mightn't've", "mightve", "might've",
            "mustnt", "mustn't", "mustve", "must've", "neednt", "needn't", "notve", "not've",
            "oclock", "o'clock", "oughtnt", "oughtn't", "ow's'at", "'ow's'at", "'ows'at", "'ow's'at",
            "'ow'sat", "'ow's'at", "shant", "shan't", "shed've", "she'd've", "she'dve", "she'd've",
            "she's", "she's", "shouldve", "should've", "shouldnt", "shouldn't", "shouldnt've", "shouldn't've",
            "shouldn'tve", "shouldn't've", "somebody'd", "somebodyd", "somebodyd've", "somebody'd've",
            "somebody'dve", "somebody'd've", "somebodyll", "somebody'll", "somebodys", "somebody's",
            "someoned", "someone'd", "someoned've", "someone'd've", "someone'dve", "someone'd've",
            "someonell", "someone'll", "someones", "someone's", "somethingd", "something'd",
            "somethingd've", "something'd've", "something'dve", "something'd've",
            "somethingll", "something'll", "thats", "that's", "thered", "there'd", "thered've", "there'd've",
            "there'dve", "there'd've", "therere", "there're", "theres", "there's", "theyd", "they'd",
            "theyd've", "they'd've", "they'dve", "they'd've", "theyll", "they'll", "theyre", "they're",
            "theyve", "they've", "twas", "'twas", "wasnt", "wasn't", "wed've", "we'd've", "we'dve", "we'd've",
            "weve", "we've", "werent", "weren't", "whatll", "what'll", "whatre", "what're", "whats", "what's",
            "whatve", "what've", "whens", "when's", "whered", "where'd", "wheres", "where's",
            "whereve", "where've", "whod", "who'd", "whod've", "who'd've", "who'dve", "who'd've",
            "wholl", "who'll", "whos", "who's", "whove", "who've", "whyll", "why'll", "whyre", "why're",
            "whys", "why's", "wont", "won't", "wouldve", "would've", "wouldnt", "wouldn't",
            "wouldnt've", "wouldn't've", "wouldn'tve", "wouldn't've", "yall", "y'all", "yall'll", "y'all'll",
            "y'allll", "y'all'll", "yall'd've", "y'all'd've", "y'alld've", "y'all'd've",
            "y'all'dve", "y'all'd've", "youd", "you'd", "youd've", "you'd've", "you'dve", "you'd've",
            "youll", "you'll", "youre", "you're", "youve", "you've"
    };

    private static final Map<String, String> CONTRACTIONS = new HashMap<>();

    static {
        for (int i = 0; i < CONTRACTION_PAIRS.length; i += 2) {
            CONTRACTIONS.put(CONTRACTION_PAIRS[i], CONTRACTION_PAIRS[i + 1]);
        }
    }

    private VqaNormalizer() {
    }

    /** {@code processPunctuation(inText)}. */
    public static String processPunctuation(String in) {
        boolean deleteAll = hasDigitCommaDigit(in);
        String out = in;
        for (String p : PUNCT) {
            // The official test looks at the input text, not at the text as already rewritten.
            if (deleteAll || in.contains(p + " ") || in.contains(" " + p)) {
                out = out.replace(p, "");
            } else {
                out = out.replace(p, " ");
            }
        }
        return stripPeriods(out);
    }

    /** {@code processDigitArticle(inText)}. */
    public static String processDigitArticle(String in) {
        StringBuilder sb = new StringBuilder(in.length());
        for (String word : PyText.split(PyText.lower(in))) {
            String w = MANUAL_MAP.getOrDefault(word, word);
            if (ARTICLES.contains(w)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(CONTRACTIONS.getOrDefault(w, w));
        }
        return sb.toString();
    }

    /** {@code re.search(r"(\d)(\,)(\d)", text)}, with Python 3's Unicode {@code \d}. */
    static boolean hasDigitCommaDigit(String s) {
        for (int i = s.indexOf(','); i >= 0; i = s.indexOf(',', i + 1)) {
            if (i > 0 && i + 1 < s.length() && isDigitAt(s, i + 1) && isDigitBefore(s, i)) {
                return true;
            }
        }
        return false;
    }

    /** {@code periodStrip.sub("", text, 32)}: the first 32 periods not followed by a digit go. */
    static String stripPeriods(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int removed = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && removed < PERIOD_LIMIT && !(i + 1 < s.length() && isDigitAt(s, i + 1))) {
                removed++;
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean isDigitAt(String s, int i) {
        return Character.getType(s.codePointAt(i)) == Character.DECIMAL_DIGIT_NUMBER;
    }

    private static boolean isDigitBefore(String s, int i) {
        return Character.getType(s.codePointBefore(i)) == Character.DECIMAL_DIGIT_NUMBER;
    }
}
