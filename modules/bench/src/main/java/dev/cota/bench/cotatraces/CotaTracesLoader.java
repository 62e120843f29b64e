package dev.cota.bench.cotatraces;

import dev.cota.bench.BenchItem;
import dev.cota.bench.SuiteLoader;
import dev.cota.core.DataException;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Role;
import dev.cota.core.trace.Trace;
import dev.cota.data.Datasets;
import dev.cota.data.ReadOptions;
import dev.cota.data.TraceStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads cota traces with known answers as benchmark items: {@code heldout.jsonl} of the data
 * directory (a {@code cota synth} run's held-out split), else its {@code traces.jsonl}. One item per
 * question: the variants of one question ({@code meta.variant} cota, direct, cot; ids
 * {@code <question id>-<variant>}) are one item, under the question's id. The question is
 * {@code meta.question}, else the first user turn without its image lines; the images are those the
 * first user turn shows; the answer is {@code meta.ground_truth}, else the trace's answer.
 */
public final class CotaTracesLoader implements SuiteLoader {

    /** An image line of a request: {@code image-0: <image>} (TACO) or a bare {@code <image>} (LLaVA). */
    private static final Pattern IMAGE_LINE = Pattern.compile("(?m)^(image-\\d+: )?<image>\\n?");

    @Override
    public List<BenchItem> load(Path dataDir) throws IOException {
        Path file = dataDir.resolve("heldout.jsonl");
        if (!Files.exists(file)) {
            file = dataDir.resolve("traces.jsonl");
        }
        List<BenchItem> items = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try (TraceStream traces = Datasets.open(file, ReadOptions.DEFAULT.withFormat("cota"))) {
            while (traces.hasNext()) {
                Trace t = traces.next();
                String id = questionId(t);
                if (seen.add(id)) {
                    items.add(item(id, t, file));
                }
            }
        }
        return items;
    }

    private static String questionId(Trace t) {
        Object variant = t.meta().get("variant");
        String suffix = variant == null ? null : "-" + variant;
        return suffix != null && t.id().endsWith(suffix) ? t.id().substring(0, t.id().length() - suffix.length()) : t.id();
    }

    private static BenchItem item(String id, Trace t, Path file) {
        Message request = t.messages().stream().filter(m -> m.role() == Role.USER).findFirst()
                .orElseThrow(() -> DataException.of("invalid-record", file + ": trace " + t.id() + " has no user turn"));
        String text = request.contentText();
        int shown = IMAGE_LINE.matcher(text).results().mapToInt(r -> 1).sum();
        if (shown > t.images().size()) {
            throw DataException.of("invalid-record", file + ": trace " + t.id() + " shows " + shown
                    + " images but has " + t.images().size());
        }
        Object q = t.meta().get("question");
        String question = q instanceof String s ? s : IMAGE_LINE.matcher(text).replaceAll("").strip();
        Object truth = t.meta().get("ground_truth");
        String answer = truth != null ? truth.toString() : t.answer();
        if (answer == null) {
            throw DataException.of("invalid-record", file + ": trace " + t.id() + " has no meta.ground_truth or answer");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ground_truth", answer);
        Object template = t.meta().get("template");
        fields.put("template", template == null ? t.source() : template.toString());
        return new BenchItem(id, question, t.images().subList(0, shown), List.of(), fields);
    }
}
