package dev.cota.data.tokenizer;

import dev.cota.core.CotaException;
import dev.cota.core.DataException;
import dev.cota.core.Location;
import dev.cota.core.trace.Trace;
import dev.cota.data.Datasets;
import dev.cota.data.ReadOptions;
import dev.cota.data.TraceStream;
import dev.cota.data.codec.Codec;
import dev.cota.data.codec.CodecException;
import dev.cota.data.codec.Codecs;
import dev.cota.data.encode.ChatTemplate;
import dev.cota.data.encode.ChatTemplates;
import dev.cota.data.pipeline.TraceText;
import dev.cota.data.source.RecordSources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads tokenizer training input into a {@link WordCounts} table: plain UTF-8 text (a whole file as
 * one document, or one document per line) or trace data in any format {@link Datasets} reads (each
 * trace's {@link TraceText} is one document). Text files stream in bounded chunks cut only where
 * GPT-2's split is unchanged, so a large file never has to fit in memory.
 */
public final class TrainingCorpus {

    /** How an input is read. */
    public enum Kind {
        /** Traces for trace containers ({@code .jsonl}, {@code .json}, {@code .parquet}, directories), else text. */
        AUTO,
        /** A whole file is one document. */
        TEXT,
        /** Each line is one document (line breaks are not learned). */
        LINES,
        /** Trace data; each trace is one document. */
        TRACES
    }

    private static final int CHUNK = 1 << 20;

    private TrainingCorpus() {
    }

    /** The kind an input is read as: {@code kind} itself unless it is {@link Kind#AUTO}. */
    public static Kind resolve(Path input, Kind kind) {
        if (kind != Kind.AUTO) {
            return kind;
        }
        return Files.isDirectory(input) || RecordSources.isShard(input) ? Kind.TRACES : Kind.TEXT;
    }

    /** Adds every document of {@code input} to {@code counts}; a trace's document is its {@link TraceText}. */
    public static void add(Path input, Kind kind, WordCounts counts) {
        add(input, kind, counts, TraceText::of);
    }

    /**
     * The text a model is trained on: a trace rendered by {@code codec} into chat turns and by
     * {@code template} into one string, special tokens and all. A tokenizer trained on it learns the
     * template's and the codec's fixed text (TACO's observation trailer, the JSON keys) as the words
     * they are, instead of spelling them out letter by letter in every sample.
     */
    public static Function<Trace, String> rendered(Codec codec, ChatTemplate template) {
        return t -> template.render(codec.render(t), false).text();
    }

    /**
     * {@link #rendered(Codec, ChatTemplate)} by name; a null or {@code auto} template is ChatML (a
     * tokenizer being trained has no chat template of its own yet).
     *
     * @throws dev.cota.core.CotaException naming the known codecs or templates for an unknown name
     */
    public static Function<Trace, String> rendered(String codec, String template) {
        String t = template == null || template.equals(ChatTemplates.AUTO) ? ChatTemplates.DEFAULT : template;
        return rendered(Codecs.get(codec), ChatTemplates.get(t));
    }

    /** As {@link #add(Path, Kind, WordCounts)}, a trace's document being {@code text} of it. */
    public static void add(Path input, Kind kind, WordCounts counts, Function<Trace, String> text) {
        if (!Files.exists(input)) {
            throw new CotaException(input + ": no such file or directory");
        }
        try {
            switch (resolve(input, kind)) {
                case TRACES -> addTraces(input, counts, text);
                case LINES -> addLines(input, counts);
                default -> addText(input, counts);
            }
        } catch (CharacterCodingException e) {
            throw new DataException(Location.line(input.toString(), 0), null, "bad-encoding",
                    "not UTF-8 text (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(input + ": " + e.getMessage(), e);
        }
    }

    private static void addTraces(Path input, WordCounts counts, Function<Trace, String> text) {
        // Images are not read for tokenizer training, so their files need not be present.
        try (TraceStream traces = Datasets.open(input, ReadOptions.DEFAULT.withCheckFiles(false))) {
            while (traces.hasNext()) {
                Trace t = traces.next();
                try {
                    counts.addDocument(text.apply(t));
                } catch (CodecException e) {
                    throw new CotaException(input + ": trace " + t.id() + ": " + e.getMessage());
                }
            }
        }
    }

    private static void addLines(Path input, WordCounts counts) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(input)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    counts.addDocument(line);
                }
            }
        }
    }

    private static void addText(Path input, WordCounts counts) throws IOException {
        counts.countDocument();
        char[] buf = new char[CHUNK];
        int len = 0;
        try (BufferedReader r = Files.newBufferedReader(input)) {
            while (true) {
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int got = r.read(buf, len, buf.length - len);
                if (got < 0) {
                    break;
                }
                len += got;
                if (len < buf.length) {
                    continue;
                }
                int cut = lastCut(buf, len, counts.specialTokens());
                if (cut > 0) {
                    counts.addText(new String(buf, 0, cut));
                    System.arraycopy(buf, cut, buf, 0, len - cut);
                    len -= cut;
                }
            }
        }
        if (len > 0) {
            counts.addText(new String(buf, 0, len));
        }
    }

    /**
     * The last position {@code p} with a letter before it, a space at it and a letter after it: the
     * text before p ends a letter piece and the text from p starts a {@code " ?\p{L}+"} piece whatever
     * surrounds them, so splitting the two halves gives the pieces of the whole. Positions inside a
     * special token are passed over. 0 when there is none.
     */
    static int lastCut(char[] buf, int len, List<String> specialTokens) {
        for (int p = len - 2; p >= 1; p--) {
            if (buf[p] == ' ' && Character.isLetter(buf[p - 1]) && Character.isLetter(buf[p + 1])
                    && !insideSpecial(buf, len, p, specialTokens)) {
                return p;
            }
        }
        return 0;
    }

    private static boolean insideSpecial(char[] buf, int len, int p, List<String> specialTokens) {
        for (String s : specialTokens) {
            int from = Math.max(0, p - s.length() + 1);
            int to = Math.min(len, p + s.length() - 1);
            String window = new String(buf, from, to - from);
            for (int i = window.indexOf(s); i >= 0; i = window.indexOf(s, i + 1)) {
                if (from + i < p && from + i + s.length() > p) {
                    return true;
                }
            }
        }
        return false;
    }
}
