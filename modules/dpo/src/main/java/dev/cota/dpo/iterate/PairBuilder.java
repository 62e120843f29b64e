package dev.cota.dpo.iterate;

import dev.cota.core.trace.Message;
import dev.cota.core.trace.Trace;
import dev.cota.dpo.data.PreferencePair;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a round's preference pairs from each prompt's scored samples ({@link PairMode}). A prompt
 * whose samples all have the same score (all right or all wrong) gives no pair: it is skipped and
 * counted as a tie, since DPO learns nothing from a preference between equals.
 */
public final class PairBuilder {

    /** A round's pairs and how many prompts were ties. */
    public record Result(List<PreferencePair> pairs, int ties) {
    }

    private final PairMode mode;
    private final int maxPairsPerPrompt;

    public PairBuilder(PairMode mode, int maxPairsPerPrompt) {
        if (maxPairsPerPrompt < 1) {
            throw new IllegalArgumentException("max-pairs-per-prompt must be >= 1, got " + maxPairsPerPrompt);
        }
        this.mode = mode;
        this.maxPairsPerPrompt = maxPairsPerPrompt;
    }

    /** The pairs of every prompt, in prompt order; {@code samples.get(i)} are the samples of {@code prompts.get(i)}. */
    public Result build(List<IterPrompt> prompts, List<List<Sample>> samples) {
        List<PreferencePair> pairs = new ArrayList<>();
        int ties = 0;
        for (int i = 0; i < prompts.size(); i++) {
            List<PreferencePair> own = pairs(prompts.get(i), samples.get(i));
            if (own.isEmpty()) {
                ties++;
            }
            pairs.addAll(own);
        }
        return new Result(List.copyOf(pairs), ties);
    }

    private List<PreferencePair> pairs(IterPrompt prompt, List<Sample> samples) {
        List<PreferencePair> out = new ArrayList<>();
        if (samples.isEmpty()) {
            return out;
        }
        if (mode == PairMode.BEST_WORST) {
            Sample best = samples.get(0);
            Sample worst = samples.get(0);
            for (Sample s : samples) {
                best = s.score() > best.score() ? s : best;
                worst = s.score() < worst.score() ? s : worst;
            }
            if (best.score() > worst.score()) {
                out.add(pair(prompt, 0, best, worst));
            }
            return out;
        }
        List<Sample> correct = samples.stream().filter(s -> s.score() >= 1).toList();
        List<Sample> wrong = samples.stream().filter(s -> s.score() < 1).toList();
        int n = Math.min(maxPairsPerPrompt, Math.min(correct.size(), wrong.size()));
        for (int k = 0; k < n; k++) {
            out.add(pair(prompt, k, correct.get(k), wrong.get(k)));
        }
        return out;
    }

    private static PreferencePair pair(IterPrompt prompt, int k, Sample chosen, Sample rejected) {
        return new PreferencePair(prompt.id() + "#" + k, completion(prompt.prompt(), chosen.text()),
                completion(prompt.prompt(), rejected.text()));
    }

    private static Trace completion(Trace prompt, String reply) {
        List<Message> m = new ArrayList<>(prompt.messages());
        m.add(Message.assistantText(reply));
        return prompt.withMessages(m);
    }
}
