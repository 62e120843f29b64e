package dev.cota.synth.mmtraj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A verifier's verdict: its {@code correct} yes/no, and for the GTA-style query-file verifier its
 * {@code updated_query} (null when it said {@code no revision is needed.}). Read from the reply's JSON,
 * else, as T3-Agent's trajectory verifier does ({@code verifier/3_gaia_verifier_parallel.py}), from a
 * literal {@code "correct": "yes"} / {@code "no"} in the text.
 *
 * @param correct the verdict
 * @param updatedQuery the rewritten query, or null
 * @param thought the verifier's reasoning, or null
 */
public record Verdict(boolean correct, String updatedQuery, String thought) {

    private static final Pattern LITERAL = Pattern.compile("[\"']correct[\"']\\s*:\\s*[\"']?(yes|no|true|false)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\"']?(yes|no|true|false)\\b");

    /** The verdict in a verifier's reply; null when the reply holds none (counted as {@code verifier-unparsable}). */
    public static Verdict parse(String reply) {
        JsonNode n = JsonReply.extract(reply);
        if (n != null && n.isArray() && n.size() > 0) {
            n = n.get(0);
        }
        Boolean correct = n == null ? null : yesNo(JsonReply.text(n, "correct"));
        if (correct == null) {
            Matcher m = reply == null ? null : LITERAL.matcher(reply);
            if (m == null || !m.find()) {
                return null;
            }
            correct = yesNo(m.group(1));
            return new Verdict(correct, null, null);
        }
        String updated = JsonReply.text(n, "updated_query");
        if (updated != null && updated.toLowerCase(Locale.ROOT).startsWith("no revision")) {
            updated = null;
        }
        return new Verdict(correct, updated, JsonReply.text(n, "thought"));
    }

    private static Boolean yesNo(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = WORD.matcher(s.strip().toLowerCase(Locale.ROOT));
        if (!m.lookingAt()) {
            return null;
        }
        return m.group(1).equals("yes") || m.group(1).equals("true");
    }
}
