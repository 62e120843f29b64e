package dev.cota.synth.insightv;

import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.core.json.JsonValues;
import java.io.IOException;
import java.util.List;

/**
 * Insight-V's answer filter ({@code data_check.py}): a language model reads the question, the ground
 * truth and the chain's final answer and replies with a list, {@code [1]} right or {@code [0]} wrong.
 * The reply is read as the original reads it, {@code json.loads(text.split("]")[0] + "]")}; where the
 * original counts a reply that does not parse as {@code [0]}, the verdict here is
 * {@link Verdict#UNPARSABLE} (a wrong chain, counted apart).
 */
public final class AnswerJudge {

    /** The judge's reading of one answer. */
    public enum Verdict {
        RIGHT, WRONG, UNPARSABLE;

        /** The verdict's name in meta and the manifest: {@code right}, {@code wrong}, {@code unparsable}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final ModelBackend backend;
    private final String prompt;
    private final SamplingParams params;

    public AnswerJudge(ModelBackend backend, String prompt, InsightVConfig.Sampling sampling, long seed) {
        this.backend = backend;
        this.prompt = prompt;
        this.params = new SamplingParams(sampling.maxTokens(), sampling.temperature(), sampling.topP(), seed, List.of());
    }

    /** The verdict on {@code answer} to {@code question} (no image placeholders) against {@code groundTruth}. */
    public Verdict judge(String question, String groundTruth, String answer) {
        String user = "Question: " + question + "\nGround Truth: " + groundTruth + "\nModel 1: " + answer
                + "\nYour answer: ";
        String reply = backend.completeOne(List.of(ChatMessage.system("You are a helpful assistant.\n" + prompt),
                ChatMessage.user(ProgressiveChain.plain(user))), params);
        return parse(reply);
    }

    /** A judge reply read as {@code data_check.py} reads it: the first list up to its first {@code ]}. */
    public static Verdict parse(String reply) {
        int close = reply.indexOf(']');
        String list = (close < 0 ? reply : reply.substring(0, close)) + "]";
        Object v;
        try {
            v = JsonValues.parse(list.strip());
        } catch (IOException | RuntimeException e) {
            return Verdict.UNPARSABLE;
        }
        if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            int x = n.intValue();
            return x == 1 ? Verdict.RIGHT : x == 0 ? Verdict.WRONG : Verdict.UNPARSABLE;
        }
        return Verdict.UNPARSABLE;
    }
}
