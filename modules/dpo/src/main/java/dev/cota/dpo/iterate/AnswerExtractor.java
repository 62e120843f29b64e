package dev.cota.dpo.iterate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The final answer of a sampled reply: without a pattern, the whole reply stripped (a direct answer,
 * as Insight-V's summary agent gives); with {@code iterate.answer-pattern}, the first group of its
 * last match (for replies that reason first and end with, say, {@code Answer: 12}), or null when it
 * does not match (scored wrong).
 */
public final class AnswerExtractor {

    private final Pattern pattern;

    /** @param regex a Java regular expression with one capturing group, or null for the whole reply */
    public AnswerExtractor(String regex) {
        if (regex == null) {
            this.pattern = null;
            return;
        }
        try {
            this.pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("iterate.answer-pattern is not a regular expression: "
                    + e.getDescription());
        }
        if (pattern.matcher("").groupCount() < 1) {
            throw new IllegalArgumentException("iterate.answer-pattern needs a capturing group (the answer)");
        }
    }

    /** The answer in {@code reply}, or null when the pattern finds none. */
    public String extract(String reply) {
        if (pattern == null) {
            return reply.strip();
        }
        Matcher m = pattern.matcher(reply);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last == null ? null : last.strip();
    }
}
