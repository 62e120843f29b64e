package dev.cota.synth.copy;

import dev.cota.core.io.TraceWriter;
import dev.cota.core.trace.Action;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Trace;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A copying corpus for a model trained from scratch: each trace asks {@code Copy: X Y Z} and
 * answers {@code X Y Z} (a Terminate action), the values being words of the task's own vocabulary
 * and numbers in the shapes its documents print (integers, prices, decimals). A pretrained VLM
 * brings the ability to repeat what it has read; a tiny decoder trained from scratch on TACO-style
 * chains does not learn it on a CPU budget (it writes the format and none of the values), and does
 * after a few hundred steps of this. The traces are read with the {@code direct} codec.
 */
public final class CopyCorpus {

    /** The trace {@code source} of copy traces. */
    public static final String SOURCE = "cota-synth:copy";

    private CopyCorpus() {
    }

    /**
     * Writes {@code count} copy traces to {@code out} (a temporary name, renamed when complete).
     *
     * @param words the words values are drawn from (35% of the values), e.g. the task's item names
     * @param seed the draws' seed: the same seed writes the same file
     */
    public static void write(Path out, int count, long seed, List<String> words) throws IOException {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a copy corpus needs at least one word");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        try (TraceWriter w = TraceWriter.open(out)) {
            for (int i = 0; i < count; i++) {
                w.write(trace(i, values(rng, words)));
            }
            w.commit();
        }
    }

    /** The values of one trace: 3 to 9, each a word or a number. */
    static String values(SplittableRandom rng, List<String> words) {
        int n = 3 + rng.nextInt(7);
        List<String> v = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            v.add(rng.nextDouble() < 0.35 ? words.get(rng.nextInt(words.size())) : number(rng));
        }
        return String.join(" ", v);
    }

    /** An integer (10-99 or 100-999), a price (0.00-9.99) or a decimal (10.00-99.99). */
    static String number(SplittableRandom rng) {
        double k = rng.nextDouble();
        if (k < 0.4) {
            return String.valueOf(10 + rng.nextInt(90));
        }
        if (k < 0.55) {
            return String.valueOf(100 + rng.nextInt(900));
        }
        if (k < 0.85) {
            return BigDecimal.valueOf(rng.nextInt(1000), 2).toPlainString();
        }
        return BigDecimal.valueOf(1000 + rng.nextInt(9000), 2).toPlainString();
    }

    private static Trace trace(int index, String values) {
        List<Message> messages = List.of(Message.user("Copy: " + values),
                Message.assistant(null, new Action(Action.TERMINATE, Map.of("answer", values))));
        return new Trace(String.format("copy-%06d", index), SOURCE, List.of(), List.of(), messages, values,
                Map.of("template", "copy"));
    }

    /** The distinct words (letters only, 3 or more) of {@code texts}, in first-seen order. */
    public static List<String> words(Iterable<String> texts) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (String t : texts) {
            for (String w : t.split("[^\\p{L}]+")) {
                if (w.length() >= 3) {
                    out.add(w);
                }
            }
        }
        return List.copyOf(out);
    }
}
