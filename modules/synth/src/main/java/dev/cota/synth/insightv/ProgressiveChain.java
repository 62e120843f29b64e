package dev.cota.synth.insightv;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.core.json.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Insight-V's progressive reasoning generator ({@code generate_response()} of
 * {@code data_generation/data_generation.py}, after g1): the model sees the system prompt, the image
 * and question, and an opening assistant turn, then answers one JSON step
 * {@code {"title", "content", "next_action": "continue"|"final_answer"}} at a time; each step is
 * echoed back as an assistant turn and followed by the continue prompt, until {@code final_answer}
 * or {@code max-steps}; then the final-answer prompt asks for {@code {"title", "content"}}. A reply
 * that is not a valid step is answered with the retry prompt, at most {@code retries} tries per step;
 * after that the chain fails ({@link #INVALID_JSON}) where the original wrote an "Error" step. Where the
 * original only asks for at least 2 steps in its prompt, a {@code final_answer} before
 * {@code min-steps} is answered with the continue prompt (and counted in {@link Chain#earlyFinal}).
 */
public final class ProgressiveChain {

    /** Why a chain fails: no valid JSON step within the tries. */
    public static final String INVALID_JSON = "invalid-json";

    /** What the dataset check reads when the final answer is not JSON with a content ({@code data_check.py}). */
    public static final String NO_ANSWER = "No available answer";

    private static final ObjectReader STRICT = Json.mapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * One reasoning step.
     *
     * @param title what the step does
     * @param content the step's reasoning
     * @param nextAction {@code continue} or {@code final_answer}
     */
    public record Step(String title, String content, String nextAction) {

        /** The step as trace meta: {@code {title, content, next_action}}. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", title);
            m.put("content", content);
            m.put("next_action", nextAction);
            return m;
        }
    }

    /**
     * A grown chain.
     *
     * @param steps the valid steps, in order
     * @param answer the final answer's content, or null when the final reply was not JSON with a content
     * @param failure {@link #INVALID_JSON} when a step failed every try, else null
     * @param retries replies that were not valid steps (answered with the retry prompt)
     * @param earlyFinal {@code final_answer} steps before {@code min-steps}
     * @param replies model replies the chain took
     */
    public record Chain(List<Step> steps, String answer, String failure, int retries, int earlyFinal, int replies) {
    }

    private final ModelBackend backend;
    private final InsightVPrompts prompts;
    private final InsightVConfig config;

    public ProgressiveChain(ModelBackend backend, InsightVPrompts prompts, InsightVConfig config) {
        this.backend = backend;
        this.prompts = prompts;
        this.config = config;
    }

    /** Grows one chain for {@code question} (no placeholders) about {@code images}, sampled with {@code seed}. */
    public Chain grow(String question, List<BufferedImage> images, long seed) {
        InsightVConfig.Sampling s = config.generation();
        SamplingParams params = new SamplingParams(s.maxTokens(), s.temperature(), s.topP(), seed, List.of());
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(prompts.system()));
        messages.add(ChatMessage.user((ChatMessage.IMAGE + "\n").repeat(images.size())
                + plain(question), images));
        messages.add(ChatMessage.assistant(prompts.opening()));
        List<Step> steps = new ArrayList<>();
        int retries = 0;
        int early = 0;
        int replies = 0;
        while (true) {
            JsonNode step = null;
            for (int attempt = 0; attempt < config.retries() && step == null; attempt++) {
                String reply = backend.completeOne(messages, params);
                replies++;
                step = step(reply);
                if (step == null) {
                    retries++;
                    messages.add(ChatMessage.user(prompts.retry()));
                }
            }
            if (step == null) {
                return new Chain(steps, null, INVALID_JSON, retries, early, replies);
            }
            messages.add(ChatMessage.assistant(plain(step.toString())));
            Step st = new Step(step.get("title").asText(), step.get("content").asText(),
                    step.get("next_action").asText());
            steps.add(st);
            if (steps.size() >= config.maxSteps()) {
                break;
            }
            if ("final_answer".equals(st.nextAction())) {
                if (steps.size() >= config.minSteps()) {
                    break;
                }
                early++;
            }
            messages.add(ChatMessage.user(prompts.proceed()));
        }
        messages.add(ChatMessage.user(prompts.finalAnswer()));
        String reply = backend.completeOne(messages, params);
        replies++;
        return new Chain(steps, finalAnswer(reply), null, retries, early, replies);
    }

    /** A reply parsed as a step, or null: one JSON object with text title and content and a known next_action. */
    static JsonNode step(String reply) {
        JsonNode n = json(reply);
        if (n == null || !n.path("title").isValueNode() || !n.path("content").isValueNode()
                || n.path("title").isNull() || n.path("content").isNull()) {
            return null;
        }
        String next = n.path("next_action").asText("");
        return "continue".equals(next) || "final_answer".equals(next) ? n : null;
    }

    /** The final reply's {@code content}, or null when the reply is not a JSON object with one. */
    static String finalAnswer(String reply) {
        JsonNode n = json(reply);
        if (n == null || !n.path("content").isValueNode() || n.path("content").isNull()) {
            return null;
        }
        return n.get("content").asText();
    }

    private static JsonNode json(String reply) {
        try {
            JsonNode n = STRICT.readValue(reply.strip());
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Model text sent back to a model: an {@code <image>} in it would read as an image slot of the
     * chat message, so it is written {@code <image >}.
     */
    static String plain(String text) {
        return text.replace(ChatMessage.IMAGE, "<image >");
    }
}
