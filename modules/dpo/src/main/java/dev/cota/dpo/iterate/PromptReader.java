package dev.cota.dpo.iterate;

import dev.cota.core.DataException;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Trace;
import dev.cota.data.format.TraceReader;
import dev.cota.data.format.TraceReaders;
import dev.cota.data.image.ImageRefs;
import dev.cota.data.source.RawRecord;
import dev.cota.data.source.RecordSource;
import dev.cota.data.source.RecordSources;
import dev.cota.dpo.data.PreferencePair;
import dev.cota.sft.config.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the prompts of an iterative run from any trace format cota reads ({@code auto} detects it per
 * record): Insight-V's rows {@code {prompt, answer, ...}} give the prompt as the user turn and
 * {@code answer} as the reference; a cota trace gives its turns before the first assistant turn and
 * {@code Trace.answer}. Records without a reference answer are skipped and counted; relative image
 * paths are made absolute (against the source's directory), so the pairs written later stay readable.
 */
public final class PromptReader {

    /** The prompts of some sources, with per-source counts ({@code read}, {@code prompts}, {@code no_answer}). */
    public record Prompts(List<IterPrompt> prompts, Map<String, Object> counts) {
    }

    private PromptReader() {
    }

    /** Reads every source, in order. */
    public static Prompts read(List<DataSource> sources) throws IOException {
        List<IterPrompt> out = new ArrayList<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        for (DataSource s : sources) {
            int read = 0;
            int noAnswer = 0;
            int before = out.size();
            try (RecordSource source = RecordSources.open(Path.of(s.path()))) {
                while (source.hasNext() && (s.maxSamples() == null || out.size() - before < s.maxSamples())) {
                    RawRecord record = source.next();
                    read++;
                    Trace t;
                    try {
                        t = reader(s.format(), record).read(record);
                    } catch (DataException e) {
                        throw e.at(record.location(), String.valueOf(record.index()));
                    }
                    List<Message> turns = PreferencePair.prompt(t);
                    if (t.answer() == null || t.answer().isBlank() || turns.isEmpty()) {
                        noAnswer++;
                        continue;
                    }
                    Trace prompt = t.withMessages(turns).withImages(absolute(t.images(), source.root()));
                    out.add(new IterPrompt(t.id(), prompt, t.answer()));
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("read", read);
            c.put("prompts", out.size() - before);
            c.put("no_answer", noAnswer);
            counts.put(s.path(), c);
        }
        return new Prompts(List.copyOf(out), counts);
    }

    private static TraceReader reader(String format, RawRecord record) {
        if (!format.equals("auto")) {
            return TraceReaders.get(format);
        }
        TraceReader r = TraceReaders.detect(record.node());
        if (r == null) {
            throw DataException.of("unknown-shape", "no reader recognizes this record; name data.format");
        }
        return r;
    }

    private static List<String> absolute(List<String> images, Path root) {
        List<String> out = new ArrayList<>(images.size());
        for (String ref : images) {
            out.add(ImageRefs.isInline(ref) || root == null ? ref : root.resolve(ref).normalize().toString());
        }
        return out;
    }
}
