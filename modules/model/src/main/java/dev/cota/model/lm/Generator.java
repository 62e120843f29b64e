package dev.cota.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Autoregressive text generation with a {@link DecoderLM}, as transformers' {@code generate}:
 * prompts of different lengths are left-padded into one batch with position ids
 * {@code cumsum(mask) - 1}; each step feeds the last token of every row (with the {@link KvCache})
 * or the whole sequence (without), takes the last position's logits and picks a token per row
 * ({@link TokenSampler}). A row ends on a stop id, on a stop string found in its decoded
 * continuation, or after {@code maxNewTokens}; finished rows are fed padding until all end.
 * Each step's arrays live in a step manager closed after it.
 */
public final class Generator {

    private final DecoderLM model;
    private final NDManager manager;

    /** A generator whose per-step arrays live under {@code manager} (on the model's device). */
    public Generator(DecoderLM model, NDManager manager) {
        this.model = model;
        this.manager = manager;
    }

    /**
     * Continues every prompt.
     *
     * @param prompts token ids per prompt (each non-empty)
     * @param decoder turns a prompt's new ids into text for stop strings (cota-model knows no
     *                tokenizer); may be null when {@code config} has no stop strings
     * @return per prompt, in order, the new ids and the finish reason
     */
    public List<Generation> generate(List<int[]> prompts, GenerationConfig config, Function<int[], String> decoder) {
        return generate(prompts, config, decoder, (ids, start, padding) -> model.embed(ids));
    }

    /**
     * {@link #generate(List, GenerationConfig, Function)} with the decoder's input embeddings made by
     * {@code embedder} (a VLM puts image features into the prompt's embeddings there).
     */
    public List<Generation> generate(List<int[]> prompts, GenerationConfig config, Function<int[], String> decoder,
                                     InputEmbedder embedder) {
        TokenSampler[] samplers = new TokenSampler[prompts.size()];
        for (int r = 0; r < samplers.length; r++) {
            samplers[r] = new TokenSampler(config, r);
        }
        return run(prompts, java.util.Collections.nCopies(prompts.size(), config), samplers, decoder, embedder,
                TokenListener.NONE);
    }

    /**
     * Continues every prompt with its own config (its own length limit, sampling and stops), in one
     * batch, telling {@code listener} of each token as it is picked. Each row's sampler is seeded
     * from its config's seed alone, so a row's tokens do not depend on its place in the batch. All
     * configs must agree on {@code useCache} and {@code padTokenId} (they are the batch's).
     */
    public List<Generation> generate(List<int[]> prompts, List<GenerationConfig> configs, Function<int[], String> decoder,
                                     InputEmbedder embedder, TokenListener listener) {
        if (configs.size() != prompts.size()) {
            throw new IllegalArgumentException(prompts.size() + " prompts but " + configs.size() + " configs");
        }
        if (prompts.isEmpty()) {
            return List.of();
        }
        TokenSampler[] samplers = new TokenSampler[prompts.size()];
        for (int r = 0; r < samplers.length; r++) {
            GenerationConfig c = configs.get(r);
            if (c.useCache() != configs.get(0).useCache() || c.padTokenId() != configs.get(0).padTokenId()) {
                throw new IllegalArgumentException("the configs of one batch must share use_cache and pad_token_id");
            }
            samplers[r] = new TokenSampler(c, 0);
        }
        return run(prompts, configs, samplers, decoder, embedder == null ? (ids, s, p) -> model.embed(ids) : embedder,
                listener);
    }

    private List<Generation> run(List<int[]> prompts, List<GenerationConfig> configs, TokenSampler[] samplers,
                                 Function<int[], String> decoder, InputEmbedder embedder, TokenListener listener) {
        if (prompts.isEmpty()) {
            return List.of();
        }
        int maxNew = 0;
        for (GenerationConfig c : configs) {
            if (!c.stopStrings().isEmpty() && decoder == null) {
                throw new IllegalArgumentException("stop strings need a decoder from token ids to text");
            }
            maxNew = Math.max(maxNew, c.maxNewTokens());
        }
        GenerationConfig batch = configs.get(0);
        int rows = prompts.size();
        int promptLength = 0;
        for (int[] p : prompts) {
            if (p.length == 0) {
                throw new IllegalArgumentException("a prompt must have at least one token");
            }
            promptLength = Math.max(promptLength, p.length);
        }
        int total = promptLength + maxNew;
        long[][] ids = new long[rows][total];
        long[][] mask = new long[rows][total];
        int[] padding = new int[rows];
        for (int r = 0; r < rows; r++) {
            int[] p = prompts.get(r);
            int pad = promptLength - p.length;
            padding[r] = pad;
            Arrays.fill(ids[r], 0, pad, batch.padTokenId());
            for (int i = 0; i < p.length; i++) {
                ids[r][pad + i] = p[i];
                mask[r][pad + i] = 1;
            }
        }
        List<List<Integer>> out = new ArrayList<>();
        Generation[] done = new Generation[rows];
        for (int r = 0; r < rows; r++) {
            out.add(new ArrayList<>());
        }
        try (KvCache cache = batch.useCache() ? model.newCache(rows, total) : null) {
            int length = promptLength;
            int fed = 0;
            for (int step = 0; step < maxNew; step++) {
                float[][] logits = step(ids, mask, padding, fed, length, cache, embedder);
                fed = length;
                for (int r = 0; r < rows; r++) {
                    int token;
                    if (done[r] == null) {
                        token = samplers[r].next(logits[r]);
                        out.get(r).add(token);
                        done[r] = finished(out.get(r), token, configs.get(r), decoder);
                        listener.onToken(r, token, done[r]);
                    } else {
                        token = batch.padTokenId();
                    }
                    ids[r][length] = token;
                    mask[r][length] = 1;
                }
                length++;
                if (Arrays.stream(done).allMatch(g -> g != null)) {
                    break;
                }
            }
        }
        List<Generation> result = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            result.add(done[r] != null ? done[r]
                    : new Generation(toInts(out.get(r)), Generation.FinishReason.LENGTH, null));
        }
        return result;
    }

    /** Runs positions {@code [from, to)} (all of {@code [0, to)} without a cache); last logits per row. */
    private float[][] step(long[][] ids, long[][] mask, int[] padding, int from, int to, KvCache cache,
                           InputEmbedder embedder) {
        int start = cache == null ? 0 : from;
        int rows = ids.length;
        long[][] positions = DecoderLM.positionIds(slice(mask, 0, to));
        try (NDManager m = manager.newSubManager()) {
            NDArray input = m.create(slice(ids, start, to));
            NDArray pos = m.create(slice(positions, start, to));
            NDArray attention = m.create(slice(mask, 0, to));
            NDArray hidden = model.forwardEmbeddings(embedder.embed(input, start, padding.clone()), pos, attention, cache);
            NDArray last = hidden.get(new NDIndex(":, -1, :"));
            float[] flat = model.head(last).toFloatArray();
            int vocab = flat.length / rows;
            float[][] logits = new float[rows][];
            for (int r = 0; r < rows; r++) {
                logits[r] = Arrays.copyOfRange(flat, r * vocab, (r + 1) * vocab);
            }
            return logits;
        }
    }

    private static Generation finished(List<Integer> tokens, int token, GenerationConfig config,
                                       Function<int[], String> decoder) {
        if (config.stopTokenIds().contains(token)) {
            return new Generation(toInts(tokens), Generation.FinishReason.STOP, Integer.toString(token));
        }
        if (!config.stopStrings().isEmpty()) {
            String text = decoder.apply(toInts(tokens));
            for (String s : config.stopStrings()) {
                if (text.contains(s)) {
                    return new Generation(toInts(tokens), Generation.FinishReason.STOP, s);
                }
            }
        }
        if (tokens.size() >= config.maxNewTokens()) {
            return new Generation(toInts(tokens), Generation.FinishReason.LENGTH, null);
        }
        return null;
    }

    private static long[][] slice(long[][] a, int from, int to) {
        long[][] out = new long[a.length][];
        for (int r = 0; r < a.length; r++) {
            out[r] = Arrays.copyOfRange(a[r], from, to);
        }
        return out;
    }

    private static int[] toInts(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
