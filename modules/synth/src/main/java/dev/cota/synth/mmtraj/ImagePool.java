package dev.cota.synth.mmtraj;

import dev.cota.core.trace.Message;
import dev.cota.core.trace.Role;
import dev.cota.core.trace.Trace;
import dev.cota.data.Datasets;
import dev.cota.data.ReadOptions;
import dev.cota.data.TraceStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The captioned images T3-Agent selects a task's images from: it embeds the model's description of
 * each image the query needs and takes the pool image whose caption is nearest
 * ({@code 2_file_content2file_tonggpt.py}, BGE-M3 dense vectors over ShareGPT4V captions). cota has no
 * text-embedding model offline, so nearness here is the cosine of TF-IDF word vectors, a lexical
 * stand-in for the dense retrieval. The pool is any dataset cota reads (an image's caption is the
 * text of the records that show it) or a directory of images (the caption is the file name, or a
 * sidecar {@code .txt} next to the image).
 */
public final class ImagePool {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> IMAGE_EXT = Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp");

    /**
     * One pool image.
     *
     * @param ref its reference, relative to {@code root}
     * @param root the directory the reference resolves against
     * @param caption the text it is found by
     */
    public record Entry(String ref, Path root, String caption) {
    }

    private final List<Entry> entries;
    private final List<Map<String, Double>> vectors = new ArrayList<>();
    private final Map<String, Double> idf = new HashMap<>();

    public ImagePool(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, Integer> df = new HashMap<>();
        List<Map<String, Integer>> tfs = new ArrayList<>();
        for (Entry e : this.entries) {
            Map<String, Integer> tf = counts(e.caption());
            tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
            tfs.add(tf);
        }
        df.forEach((w, n) -> idf.put(w, Math.log((1.0 + this.entries.size()) / (1.0 + n)) + 1.0));
        for (Map<String, Integer> tf : tfs) {
            vectors.add(weigh(tf));
        }
    }

    /** The pool of a dataset file or a directory of images. */
    public static ImagePool open(Path path, String format) {
        return Files.isDirectory(path) && !hasDatasetFiles(path) ? directory(path) : dataset(path, format);
    }

    private static boolean hasDatasetFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> !IMAGE_EXT.contains(ext(p)) && !p.toString().endsWith(".txt") && Files.isRegularFile(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImagePool dataset(Path file, String format) {
        Map<String, Entry> byRef = new LinkedHashMap<>();
        try (TraceStream in = Datasets.open(file, ReadOptions.DEFAULT.withFormat(format))) {
            while (in.hasNext()) {
                Trace t = in.next();
                StringBuilder text = new StringBuilder();
                for (Message m : t.messages()) {
                    if ((m.role() == Role.USER || m.role() == Role.ASSISTANT) && m.contentText() != null) {
                        text.append(m.contentText().replace("<image>", " ")).append('\n');
                    }
                }
                for (String ref : t.images()) {
                    Entry old = byRef.get(ref);
                    String caption = old == null ? text.toString().strip() : old.caption() + "\n" + text.toString().strip();
                    byRef.put(ref, new Entry(ref, in.root(), caption));
                }
            }
        }
        return new ImagePool(new ArrayList<>(byRef.values()));
    }

    private static ImagePool directory(Path dir) {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> IMAGE_EXT.contains(ext(f))).sorted().toList()) {
                String name = p.getFileName().toString();
                Path side = dir.resolve(name.substring(0, name.lastIndexOf('.')) + ".txt");
                String caption = Files.isRegularFile(side) ? Files.readString(side)
                        : name.substring(0, name.lastIndexOf('.')).replaceAll("[_\\-.]+", " ");
                entries.add(new Entry(name, dir, caption.strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImagePool(entries);
    }

    private static String ext(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The pool's images, in pool order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The image whose caption is nearest to {@code description}, skipping the indices in {@code taken};
     * ties go to the earlier image. -1 when every image is taken.
     */
    public int nearest(String description, Set<Integer> taken) {
        Map<String, Double> q = weigh(counts(description));
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < entries.size(); i++) {
            if (taken.contains(i)) {
                continue;
            }
            double s = 0;
            for (Map.Entry<String, Double> e : q.entrySet()) {
                s += e.getValue() * vectors.get(i).getOrDefault(e.getKey(), 0.0);
            }
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        return best;
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> tf = new HashMap<>();
        Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tf.merge(m.group(), 1, Integer::sum);
        }
        return tf;
    }

    /** TF-IDF weights, L2-normalised; words the pool never saw weigh nothing. */
    private Map<String, Double> weigh(Map<String, Integer> tf) {
        Map<String, Double> v = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            Double w = idf.get(e.getKey());
            if (w != null) {
                double x = e.getValue() * w;
                v.put(e.getKey(), x);
                norm += x * x;
            }
        }
        double n = Math.sqrt(norm);
        if (n > 0) {
            v.replaceAll((k, x) -> x / n);
        }
        return v;
    }
}
