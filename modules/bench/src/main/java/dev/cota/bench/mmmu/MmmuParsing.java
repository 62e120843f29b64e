package dev.cota.bench.mmmu;

import dev.cota.data.python.PyFloat;
import dev.cota.bench.text.PyRandom;
import dev.cota.bench.text.PyRound;
import dev.cota.data.python.PyText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The response parsing and evaluation of MMMU's official {@code eval/eval_utils.py}:
 * {@code parse_multi_choice_response}, {@code parse_open_response} (with {@code extract_numbers} and
 * {@code normalize_str}), {@code eval_multi_choice} and {@code eval_open}. Parsed open answers are
 * Strings and Doubles, as Python's are str and float.
 */
final class MmmuParsing {

    private static final String[] STRIPPED = {",", ".", "!", "?", ";", ":", "'"};
    private static final List<String> INDICATORS = List.of("could be ", "so ", "is ", "thus ", "therefore ",
            "final ", "answer ", "result ");
    private static final Set<String> TRIVIAL = Set.of(":", ",", ".", "!", "?", ";", "'");

    // Python str patterns: \d and \b are Unicode-aware; so are Java's with UNICODE_CHARACTER_CLASS.
    private static final int U = Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern SUB_SPLIT = Pattern.compile("\\.\\s(?=[A-Z])|\\n", U);
    private static final Pattern COMMAS = Pattern.compile("-?\\b\\d{1,3}(?:,\\d{3})+\\b", U);
    private static final Pattern SCIENTIFIC = Pattern.compile("-?\\d+(?:\\.\\d+)?[eE][+-]?\\d+", U);
    private static final Pattern SIMPLE = Pattern.compile("-?(?:\\d+\\.\\d+|\\.\\d+|\\d+\\b)(?![eE][+-]?\\d+)(?![,\\d])", U);

    /** A multiple-choice parse: the letter, and whether it came from {@code random.choice}. */
    record Choice(String letter, boolean random) {
    }

    private MmmuParsing() {
    }

    /** {@code parse_multi_choice_response(response, all_choices, index2ans)}; draws from {@code rng} when nothing parses. */
    static Choice parseMultiChoice(String response, List<String> allChoices, Map<String, String> index2ans, PyRandom rng) {
        String r = response;
        for (String c : STRIPPED) {
            r = PyText.strip(r, c);
        }
        r = " " + r + " ";
        boolean indexAns = true;
        boolean withBrackets = false;
        List<String> candidates = new ArrayList<>();
        for (String choice : allChoices) {
            if (r.contains("(" + choice + ")")) {
                candidates.add(choice);
                withBrackets = true;
            }
        }
        if (candidates.isEmpty()) {
            for (String choice : allChoices) {
                if (r.contains(" " + choice + " ")) {
                    candidates.add(choice);
                }
            }
        }
        String lower = PyText.lower(r);
        if (candidates.isEmpty() && PyText.split(r).size() > 5) {
            for (Map.Entry<String, String> e : index2ans.entrySet()) {
                if (lower.contains(PyText.lower(e.getValue()))) {
                    candidates.add(e.getKey());
                    indexAns = false;
                }
            }
        }
        if (candidates.isEmpty()) {
            return new Choice(rng.choice(allChoices), true);
        }
        if (candidates.size() == 1) {
            return new Choice(candidates.get(0), false);
        }
        // np.argmax: the first of the largest start indexes, i.e. the candidate that occurs last
        int best = 0;
        int bestIndex = Integer.MIN_VALUE;
        for (int i = 0; i < candidates.size(); i++) {
            String can = candidates.get(i);
            int at;
            if (indexAns) {
                at = withBrackets ? r.lastIndexOf("(" + can + ")") : r.lastIndexOf(" " + can + " ");
            } else {
                at = lower.lastIndexOf(PyText.lower(index2ans.get(can)));
            }
            if (at > bestIndex) {
                best = i;
                bestIndex = at;
            }
        }
        return new Choice(candidates.get(best), false);
    }

    /** {@code parse_open_response(response)}: the normalized candidates, duplicates removed. */
    static List<Object> parseOpen(String response) {
        List<String> keys = keySubresponses(response);
        List<String> preds = new ArrayList<>(keys);
        for (String k : keys) {
            preds.addAll(extractNumbers(k));
        }
        Set<Object> out = new LinkedHashSet<>();
        for (String p : preds) {
            out.addAll(normalizeStr(p));
        }
        return new ArrayList<>(out);
    }

    private static List<String> keySubresponses(String response) {
        String r = PyText.lower(PyText.strip(PyText.strip(response), "."));
        String[] subs = SUB_SPLIT.split(r, -1);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < subs.length; i++) {
            String resp = subs[i];
            List<String> indicators = new ArrayList<>(INDICATORS);
            if (i == subs.length - 1) {
                indicators.add("="); // the last sentence may be just an equation
            }
            String shortest = null;
            for (String ind : indicators) {
                if (resp.contains(ind)) {
                    String tail = PyText.strip(resp.substring(resp.lastIndexOf(ind) + ind.length()));
                    // "if not shortest_key_response" is also true for "", so an empty tail is replaced
                    if (shortest == null || shortest.isEmpty() || PyText.len(tail) < PyText.len(shortest)) {
                        shortest = tail;
                    }
                }
            }
            if (shortest != null && !shortest.isEmpty() && !TRIVIAL.contains(PyText.strip(shortest))) {
                keys.add(shortest);
            }
        }
        return keys.isEmpty() ? List.of(r) : keys;
    }

    /** {@code extract_numbers}: numbers with thousands commas, then scientific, then simple ones. */
    static List<String> extractNumbers(String s) {
        List<String> out = new ArrayList<>();
        for (Pattern p : new Pattern[] {COMMAS, SCIENTIFIC, SIMPLE}) {
            Matcher m = p.matcher(s);
            while (m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** {@code normalize_str}: a number (commas removed, rounded to 2 places) or the lower-cased text. */
    static List<Object> normalizeStr(String string) {
        String s = PyText.strip(string);
        OptionalDouble d = PyFloat.parse(s.replace(",", ""));
        if (d.isPresent()) {
            return List.of(PyRound.round(d.getAsDouble(), 2));
        }
        s = PyText.lower(s);
        if (PyText.len(s) == 1) {
            return List.of(" " + s, s + " "); // avoid trivial matches
        }
        return List.of(s);
    }

    /** {@code eval_open(gold_i, pred_i)}. */
    static boolean evalOpen(List<String> gold, List<Object> preds) {
        List<Object> norm = new ArrayList<>();
        for (String g : gold) {
            norm.addAll(normalizeStr(g));
        }
        for (Object pred : preds) {
            if (pred instanceof String p) {
                for (Object n : norm) {
                    if (n instanceof String ns && p.contains(ns)) {
                        return true;
                    }
                }
            } else {
                double p = (Double) pred;
                for (Object n : norm) {
                    if (n instanceof Double nd && nd == p) { // float ==: nan never matches
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
