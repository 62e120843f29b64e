package dev.cota.synth.model;

import dev.cota.core.trace.Message;
import dev.cota.core.trace.Role;
import dev.cota.core.trace.Trace;
import dev.cota.data.Datasets;
import dev.cota.data.ReadOptions;
import dev.cota.data.TraceStream;
import dev.cota.data.image.ImageLoader;
import dev.cota.data.pipeline.ActionUseless;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The image-QA pairs the model generator asks, read from any dataset cota reads: the question is the
 * first user turn (its image placeholders removed), the reference answer the trace's answer (else
 * {@code meta.ground_truth} / {@code gt_answer}, else a plain-text last assistant turn, as QA data in
 * conversation formats carries it). At most
 * {@code maxPerImage} questions per image set are kept, drawn by the seed (TACO samples at most 3 QA
 * per image); the kept ones stay in dataset order. Records without a question or answer are skipped
 * and counted.
 */
public final class QaPairs {

    private static final Pattern PLACEHOLDER = Pattern.compile("(?m)^[ \\t]*(image-\\d+:[ \\t]*)?<image>[ \\t]*\\n?");

    /**
     * One question to ask.
     *
     * @param sourceId the record's id in the dataset
     * @param dataset the source dataset (for the action-useless rule)
     * @param question the question text
     * @param reference the reference answer
     * @param images the image references, relative to {@code root}
     * @param root the directory the record's image references resolve against
     */
    public record Qa(String sourceId, String dataset, String question, String reference, List<String> images,
                     Path root) {
    }

    private final List<Qa> pairs;
    private final int read;
    private final int skipped;

    private QaPairs(List<Qa> pairs, int read, int skipped) {
        this.pairs = List.copyOf(pairs);
        this.read = read;
        this.skipped = skipped;
    }

    /** Reads {@code file} and draws at most {@code maxPerImage} questions per image set with {@code seed}. */
    public static QaPairs read(Path file, String format, int maxPerImage, long seed) {
        Map<String, List<Qa>> byImages = new LinkedHashMap<>();
        int read = 0;
        int skipped = 0;
        try (TraceStream in = Datasets.open(file, ReadOptions.DEFAULT.withFormat(format))) {
            while (in.hasNext()) {
                Trace t = in.next();
                read++;
                String q = question(t);
                String ref = reference(t);
                if (q == null || ref == null) {
                    skipped++;
                    continue;
                }
                // A record without images is its own group: there is no image to share.
                String key = t.images().isEmpty() ? "\u0000" + read : String.join("\n", t.images());
                byImages.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Qa(t.id(), ActionUseless.dataset(t), q, ref, t.images(), in.root()));
            }
        }
        List<Qa> out = new ArrayList<>();
        int group = 0;
        for (List<Qa> qs : byImages.values()) {
            if (qs.size() <= maxPerImage) {
                out.addAll(qs);
            } else {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < qs.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(seed * 0x9E3779B97F4A7C15L + group));
                List<Integer> keep = new ArrayList<>(order.subList(0, maxPerImage));
                Collections.sort(keep);
                keep.forEach(i -> out.add(qs.get(i)));
            }
            group++;
        }
        return new QaPairs(out, read, skipped);
    }

    /** The first user turn's text without its image placeholders; null when there is none. */
    static String question(Trace t) {
        for (Message m : t.messages()) {
            if (m.role() == Role.USER) {
                String text = m.contentText();
                if (text == null) {
                    return null;
                }
                String q = PLACEHOLDER.matcher(text).replaceAll("").replace("<image>", "").strip();
                return q.isEmpty() ? null : q;
            }
        }
        return null;
    }

    /** The reference answer of a record; null when it has none. */
    static String reference(Trace t) {
        if (t.answer() != null && !t.answer().isBlank()) {
            return t.answer();
        }
        for (String key : List.of("ground_truth", "gt_answer")) {
            if (t.meta().get(key) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        List<Message> ms = t.messages();
        Message last = ms.isEmpty() ? null : ms.get(ms.size() - 1);
        if (last != null && last.role() == Role.ASSISTANT && last.action() == null && last.code() == null
                && last.content() instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        return null;
    }

    public List<Qa> pairs() {
        return pairs;
    }

    /** Records read from the dataset. */
    public int read() {
        return read;
    }

    /** Records skipped for lack of a question or a reference answer. */
    public int skipped() {
        return skipped;
    }

    /**
     * A task's images, decoded, under the names the output writes them to ({@code images/<id>-<k>.png}).
     *
     * @param pixels the decoded images, in the question's order
     * @param refs their names in the output, in the same order (what traces record)
     * @param files name to image, for {@link dev.cota.synth.run.TaskOutcome}
     */
    public record TaskImages(List<BufferedImage> pixels, List<String> refs, Map<String, BufferedImage> files) {

        /** The images of {@code qa} for task {@code id}, or null when one cannot be read (the task is dropped). */
        public static TaskImages load(ImageLoader loader, Qa qa, String id) {
            List<BufferedImage> pixels = new ArrayList<>();
            List<String> refs = new ArrayList<>();
            Map<String, BufferedImage> files = new LinkedHashMap<>();
            for (int k = 0; k < qa.images().size(); k++) {
                BufferedImage img;
                try {
                    img = loader.open(qa.images().get(k), qa.root()).decode();
                } catch (RuntimeException e) {
                    return null;
                }
                String ref = "images/" + id + "-" + k + ".png";
                pixels.add(img);
                refs.add(ref);
                files.put(ref, img);
            }
            return new TaskImages(pixels, refs, files);
        }
    }
}
