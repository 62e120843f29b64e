package dev.cota.synth.insightv;

import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.data.format.InsightVText;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Insight-V's reasoning-path assessment (paper Sec. 3.1, multi-granularity assessment): a multimodal
 * model scores each reasoning path whose answer the judge found right on a 1-100 scale, and the score
 * decides which paths train the reasoning agent. Insight-V releases no scoring script, so the
 * instruction ({@code configs/synth/insight-v/score.txt}) and the reply format ({@code Score: N}, the
 * last one in the reply counts) are cota's.
 */
public final class PathScorer {

    private static final Pattern SCORE = Pattern.compile("(?i)\\bscore\\s*[:=]\\s*\\**\\s*(\\d{1,3})\\b");

    private final ModelBackend backend;
    private final String prompt;
    private final SamplingParams params;

    public PathScorer(ModelBackend backend, String prompt, InsightVConfig.Sampling sampling, long seed) {
        this.backend = backend;
        this.prompt = prompt;
        this.params = new SamplingParams(sampling.maxTokens(), sampling.temperature(), sampling.topP(), seed, List.of());
    }

    /** The score of {@code steps} for {@code question} about {@code images}, or null when the reply holds none. */
    public Integer score(String question, List<BufferedImage> images, String groundTruth,
                         List<ProgressiveChain.Step> steps) {
        StringBuilder user = new StringBuilder((ChatMessage.IMAGE + "\n").repeat(images.size()));
        user.append(ProgressiveChain.plain("Question: " + question + "\nGround Truth: " + groundTruth
                + "\nReasoning process:\n" + InsightVText.thoughts(steps.stream()
                        .map(s -> new InsightVText.Step(s.title(), s.content())).toList())));
        String reply = backend.completeOne(List.of(ChatMessage.system(prompt),
                ChatMessage.user(user.toString(), images)), params);
        return parse(reply);
    }

    /** The last {@code Score: N} of a reply with N in 1..100, or null. */
    public static Integer parse(String reply) {
        Matcher m = SCORE.matcher(reply);
        Integer last = null;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last != null && last >= 1 && last <= 100 ? last : null;
    }
}
