package dev.cota.dpo.iterate;

import dev.cota.core.trace.Message;
import dev.cota.core.trace.Trace;
import dev.cota.dpo.data.PreferencePair;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a round's preference pairs from each prompt's scored samples ({@link PairMode}). A prompt
 * whose samples all have the same score (all right or all wrong) gives no pair: it is skipped and
 * counted as a tie, since DPO learns nothing from a preference between equals. The two sides of a
 * pair must show the model the same images (a DPO pair shares them); episodes whose tools made
 * different images are not paired with each other, and a prompt left with no such pair is counted
 * as unpairable. A single reply's side is the prompt plus the reply; an episode's side is its trace.
 */
public final class PairBuilder {

    /** A round's pairs, how many prompts were ties, and how many had only pairs with different images. */
    public record Result(List<PreferencePair> pairs, int ties, int unpairable) {

        public Result(List<PreferencePair> pairs, int ties) {
            this(pairs, ties, 0);
        }
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
        int unpairable = 0;
        for (int i = 0; i < prompts.size(); i++) {
            List<Sample> own = samples.get(i);
            double best = own.stream().mapToDouble(Sample::score).max().orElse(0);
            double worst = own.stream().mapToDouble(Sample::score).min().orElse(0);
            List<PreferencePair> made = mode == PairMode.BEST_WORST ? bestWorst(prompts.get(i), own, best, worst)
                    : correctIncorrect(prompts.get(i), own);
            boolean tie = mode == PairMode.BEST_WORST ? !(best > worst)
                    : own.stream().noneMatch(s -> s.score() >= 1) || own.stream().noneMatch(s -> s.score() < 1);
            if (tie) {
                ties++;
            } else if (made.isEmpty()) {
                unpairable++;
            }
            pairs.addAll(made);
        }
        return new Result(List.copyOf(pairs), ties, unpairable);
    }

    /** The first highest-scored sample over the first lowest-scored one that shows the same images. */
    private List<PreferencePair> bestWorst(IterPrompt prompt, List<Sample> samples, double best, double worst) {
        if (!(best > worst)) {
            return List.of();
        }
        for (Sample b : samples) {
            for (Sample w : samples) {
                if (b.score() == best && w.score() == worst && sameImages(prompt, b, w)) {
                    return List.of(pair(prompt, 0, b, w));
                }
            }
        }
        return List.of();
    }

    /** Correct samples over incorrect ones, each matched to the first unused incorrect one with the same images. */
    private List<PreferencePair> correctIncorrect(IterPrompt prompt, List<Sample> samples) {
        List<Sample> wrong = new ArrayList<>(samples.stream().filter(s -> s.score() < 1).toList());
        List<PreferencePair> out = new ArrayList<>();
        for (Sample c : samples) {
            if (c.score() < 1 || out.size() == maxPairsPerPrompt) {
                continue;
            }
            for (int k = 0; k < wrong.size(); k++) {
                if (sameImages(prompt, c, wrong.get(k))) {
                    out.add(pair(prompt, out.size(), c, wrong.remove(k)));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean sameImages(IterPrompt prompt, Sample a, Sample b) {
        return side(prompt, a).images().equals(side(prompt, b).images());
    }

    private static PreferencePair pair(IterPrompt prompt, int k, Sample chosen, Sample rejected) {
        return new PreferencePair(prompt.id() + "#" + k, side(prompt, chosen), side(prompt, rejected));
    }

    private static Trace side(IterPrompt prompt, Sample s) {
        if (s.episode() != null) {
            return s.episode();
        }
        List<Message> m = new ArrayList<>(prompt.prompt().messages());
        m.add(Message.assistantText(s.text()));
        return prompt.prompt().withMessages(m);
    }
}
