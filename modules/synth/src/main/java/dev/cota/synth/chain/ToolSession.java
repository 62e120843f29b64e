package dev.cota.synth.chain;

import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.tool.ToolContext;
import dev.cota.agent.tool.Tools;
import dev.cota.core.trace.Action;
import dev.cota.core.trace.Message;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One CoTA chain being written by a program: each {@link #call} runs the tool for real (the
 * registry's tool, under the call timeout, as {@code cota agent tool} and the CoTA runner do) and
 * records the assistant turn and the observation exactly as the CoTA runner records them (keys
 * sorted, a new image shown as {@code image-k: <image>}). A failing tool throws its
 * {@link dev.cota.agent.tool.ToolException}; the chain is then dropped, never patched.
 */
public final class ToolSession {

    private final ToolContext context;
    private final int inputs;
    private final List<Message> messages = new ArrayList<>();
    private final Map<String, Integer> toolCounts = new LinkedHashMap<>();
    private String answer;

    public ToolSession(List<BufferedImage> inputImages, Duration timeout) {
        this.context = new ToolContext(inputImages, null, timeout);
        this.inputs = inputImages.size();
    }

    /** Runs {@code tool} with {@code arguments} after {@code thought}; returns the tool's own result. */
    public Map<String, Object> call(String thought, String tool, Map<String, Object> arguments) {
        int before = context.images().size();
        Map<String, Object> result = Tools.call(Tools.get(tool), arguments, context);
        messages.add(Message.assistant(thought, new Action(tool, arguments)));
        messages.add(Message.observation(shown(result, before, context.images().size())));
        toolCounts.merge(tool, 1, Integer::sum);
        return result;
    }

    /** Ends the chain with Terminate (run as a tool too); the answer is what Terminate returned. */
    public String terminate(String thought, String answer) {
        Map<String, Object> args = Map.of("answer", answer);
        Map<String, Object> result = Tools.call(Tools.get(Action.TERMINATE), args, context);
        messages.add(Message.assistant(thought, new Action(Action.TERMINATE, args)));
        toolCounts.merge(Action.TERMINATE, 1, Integer::sum);
        this.answer = String.valueOf(result.get("answer"));
        return this.answer;
    }

    /**
     * The observation as the CoTA runner records it: keys sorted, and a value naming an image made
     * by this call written {@code image-k: <image>}.
     */
    static Map<String, Object> shown(Map<String, Object> result, int before, int after) {
        Map<String, Object> content = new TreeMap<>(result);
        for (Map.Entry<String, Object> e : content.entrySet()) {
            if (e.getValue() instanceof String id) {
                for (int k = before; k < after; k++) {
                    if (id.equals("image-" + k)) {
                        e.setValue(id + ": " + ChatMessage.IMAGE);
                    }
                }
            }
        }
        return content;
    }

    /** An image of the episode by id. */
    public BufferedImage image(String id) {
        return context.image(id);
    }

    /** The images the tools made, in id order ({@code image-<inputs>} first). */
    public List<BufferedImage> madeImages() {
        return Collections.unmodifiableList(context.images().subList(inputs, context.images().size()));
    }

    /** The assistant turns and observations so far. */
    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** How often each tool was called (Terminate included), in first-call order. */
    public Map<String, Integer> toolCounts() {
        return Collections.unmodifiableMap(toolCounts);
    }

    /** The Terminate answer; null before {@link #terminate}. */
    public String answer() {
        return answer;
    }
}
