package dev.cota.bench.run;

import dev.cota.bench.BenchItem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A suite's prompt template: text with {@code {question}} (the item's question as its loader builds
 * it, options and official instructions included where the loader adds them) and optionally
 * {@code {FIELD}} for any other field of the item under its official name ({@code {hint}}); a field
 * the item lacks or holds null renders as nothing. Other braces are literal text.
 */
public final class PromptTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private PromptTemplate() {
    }

    /** Rejects a template that never places the question. */
    static void validate(String template) {
        if (!template.contains("{question}")) {
            throw new IllegalArgumentException("prompt must contain {question}, got \"" + template + "\"");
        }
    }

    /** The prompt of one item. */
    public static String render(String template, BenchItem item) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = key.equals("question") ? item.question() : item.text(key);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
