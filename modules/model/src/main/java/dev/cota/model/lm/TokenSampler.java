package dev.cota.model.lm;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks the next token from one row of logits, in Java (a row is one copy off the engine, and
 * sorting in Java costs no JNI calls), following transformers' warpers in their order:
 * {@code TemperatureLogitsWarper}, {@code TopKLogitsWarper}, {@code TopPLogitsWarper}, then a
 * multinomial draw. Greedy (temperature 0) is the argmax, lowest id on ties as {@code torch.argmax}.
 */
final class TokenSampler {

    private final GenerationConfig config;
    private final Random random;

    /**
     * One sampler per prompt, seeded from the config's seed and the prompt's index through SplitMix64's
     * finalizer: {@code java.util.Random} seeded with adjacent values draws nearly the same first
     * number, which gave every row of a batch (N samples of one prompt) the same first token.
     */
    TokenSampler(GenerationConfig config, int row) {
        this.config = config;
        this.random = new Random(mix(config.seed() * 0x9E3779B97F4A7C15L + row));
    }

    /** SplitMix64's output function (Steele et al., 2014): nearby inputs give unrelated outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    int next(float[] logits) {
        if (config.temperature() == 0) {
            return argmax(logits);
        }
        int n = logits.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Descending by logit, ties by id, so the draw is deterministic.
        Arrays.sort(order, (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : Integer.compare(a, b));
        int keep = config.topK() > 0 ? Math.min(config.topK(), n) : n;
        double max = logits[order[0]] / config.temperature();
        double[] p = new double[keep];
        double sum = 0;
        for (int i = 0; i < keep; i++) {
            p[i] = Math.exp(logits[order[i]] / config.temperature() - max);
            sum += p[i];
        }
        if (config.topP() < 1) {
            // Smallest prefix whose mass reaches top_p (at least one token), as TopPLogitsWarper keeps.
            double mass = 0;
            int cut = keep;
            for (int i = 0; i < keep; i++) {
                mass += p[i] / sum;
                if (mass >= config.topP()) {
                    cut = i + 1;
                    break;
                }
            }
            keep = cut;
            sum = 0;
            for (int i = 0; i < keep; i++) {
                sum += p[i];
            }
        }
        double u = random.nextDouble() * sum;
        double acc = 0;
        for (int i = 0; i < keep; i++) {
            acc += p[i];
            if (u < acc) {
                return order[i];
            }
        }
        return order[keep - 1];
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
