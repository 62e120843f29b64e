package dev.cota.model.vlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cota.model.config.SiglipVisionConfig;
import dev.cota.model.lm.Generation;
import dev.cota.model.lm.GenerationConfig;
import dev.cota.model.lm.Generator;
import dev.cota.model.lm.InputEmbedder;
import dev.cota.model.lm.TokenListener;
import dev.cota.model.vision.VlmMerge;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Generation from prompts with images, as transformers' {@code generate} on a LLaVA model: the
 * image features are computed once, merged into the prompt embeddings of every step that embeds the
 * prompt (the prefill with the cache; every step without it), and decode steps embed only their new
 * tokens. Sampling, stops, padding and the cache are {@link Generator}'s.
 */
public final class VlmGenerator {

    private final VisionLanguageModel model;
    private final NDManager manager;
    private final Generator text;

    /** A generator whose arrays live under {@code manager} (on the model's device). */
    public VlmGenerator(VisionLanguageModel model, NDManager manager) {
        this.model = model;
        this.manager = manager;
        this.text = new Generator(model.languageModel(), manager);
    }

    /**
     * Continues every prompt.
     *
     * @param decoder turns new ids into text for stop strings; may be null without stop strings
     * @return per prompt, in order, the new ids and the finish reason
     * @throws IllegalArgumentException when a prompt's image spans and images do not match
     */
    public List<Generation> generate(List<VlmPrompt> prompts, GenerationConfig config, Function<int[], String> decoder) {
        return run(prompts, (ids, embedder) -> embedder == null ? text.generate(ids, config, decoder)
                : text.generate(ids, config, decoder, embedder));
    }

    /**
     * Continues every prompt with its own config, telling {@code listener} of each token: the
     * per-row form of {@link Generator#generate(List, List, Function, InputEmbedder, TokenListener)}.
     */
    public List<Generation> generate(List<VlmPrompt> prompts, List<GenerationConfig> configs,
                                     Function<int[], String> decoder, TokenListener listener) {
        return run(prompts, (ids, embedder) -> text.generate(ids, configs, decoder, embedder, listener));
    }

    private List<Generation> run(List<VlmPrompt> prompts, BiFunction<List<int[]>, InputEmbedder, List<Generation>> gen) {
        List<int[]> ids = new ArrayList<>(prompts.size());
        List<long[]> spans = new ArrayList<>();
        List<float[]> pixels = new ArrayList<>();
        for (int r = 0; r < prompts.size(); r++) {
            VlmPrompt p = prompts.get(r);
            int[] row = p.ids();
            ids.add(row);
            long[][] found = model.imagePositions(new long[][] {toLongs(row)});
            if (found.length != p.images().size()) {
                throw new IllegalArgumentException("prompt " + r + " has " + found.length + " image span(s) of "
                        + model.imageTokens() + " tokens (id " + model.config().imageTokenIndex() + ") but "
                        + p.images().size() + " image(s)");
            }
            for (long[] s : found) {
                spans.add(new long[] {r, s[1], s[2]});
            }
            pixels.addAll(p.images());
        }
        if (pixels.isEmpty()) {
            return gen.apply(ids, null);
        }
        try (NDManager images = manager.newSubManager()) {
            NDArray features = model.imageFeatures(pixelValues(pixels, images));
            return gen.apply(ids, embedder(spans, features));
        }
    }

    /** Merges the features when a step embeds the prompts from their start; decode steps lie past every image. */
    private InputEmbedder embedder(List<long[]> spans, NDArray features) {
        long end = 0;
        for (long[] s : spans) {
            end = Math.max(end, s[1] + s[2]);
        }
        long lastImageEnd = end;
        return (ids, start, padding) -> {
            NDArray embeds = model.languageModel().embed(ids);
            if (start != 0) {
                if (start < lastImageEnd) {
                    throw new IllegalStateException("a step from position " + start + " would split an image span");
                }
                return embeds;
            }
            long[] positions = new long[3 * spans.size()];
            for (int k = 0; k < spans.size(); k++) {
                long[] s = spans.get(k);
                positions[3 * k] = s[0];
                positions[3 * k + 1] = padding[(int) s[0]] + s[1];
                positions[3 * k + 2] = s[2];
            }
            NDArray at = ids.getManager().create(positions, new Shape(spans.size(), 3));
            return VlmMerge.merge(embeds, at, features);
        };
    }

    private NDArray pixelValues(List<float[]> pixels, NDManager m) {
        SiglipVisionConfig v = model.config().visionConfig();
        int size = v.numChannels() * v.imageSize() * v.imageSize();
        float[] flat = new float[pixels.size() * size];
        for (int i = 0; i < pixels.size(); i++) {
            float[] p = pixels.get(i);
            if (p.length != size) {
                throw new IllegalArgumentException("image " + i + " has " + p.length + " values, not " + v.numChannels()
                        + " x " + v.imageSize() + " x " + v.imageSize() + " = " + size);
            }
            System.arraycopy(p, 0, flat, i * size, size);
        }
        return m.create(flat, new Shape(pixels.size(), v.numChannels(), v.imageSize(), v.imageSize()));
    }

    private static long[] toLongs(int[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
