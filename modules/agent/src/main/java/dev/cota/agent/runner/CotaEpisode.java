package dev.cota.agent.runner;

import dev.cota.agent.backend.ChatImages;
import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.tool.Tool;
import dev.cota.agent.tool.ToolContext;
import dev.cota.agent.tool.ToolException;
import dev.cota.agent.tool.Tools;
import dev.cota.core.json.JsonValues;
import dev.cota.core.trace.Action;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Role;
import dev.cota.core.trace.Trace;
import dev.cota.data.codec.CodecException;
import dev.cota.data.codec.TacoJsonCodec;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of one {@link CotaRunner} episode: the conversation the model sees, the trace being
 * recorded, and the tool context. The trace holds exactly the turns the model saw and wrote:
 * the system prompt, the request, each reply (parsed into thought + action, or as raw text with
 * {@code meta.parse_error} when it did not parse), each tool result as an observation (errors as
 * text with {@code meta.error}), and each parse-error feedback as a user turn. Images a tool makes
 * are shown to the model as {@code image-k: <image>} in the observation (TACO's
 * {@code "image-k: <img path>"}) and appended to the trace's images as PNG {@code data:} URLs.
 */
final class CotaEpisode {

    /** TACO's fallback when no Terminate answer was given ({@code run_multimodal_agent.py}). */
    static final Pattern ANSWER = Pattern.compile("\"answer\"\\s*:\\s*\"([^\"]*)\"");
    /** TACO's observation for a turn with {@code "actions": []} ({@code executor.py}). */
    static final String NO_ACTION = "No action has been provided. Proceed to the next step.";

    /** Why an episode ended: a Terminate action. */
    static final String STOP_TERMINATE = "terminate";
    /** Why an episode ended: a reply that mentions Terminate without calling it (TACO's termination check). */
    static final String STOP_TERMINATE_TEXT = "terminate-text";
    /** Why an episode ended: the reply limit. */
    static final String STOP_MAX_REPLIES = "max-replies";

    private static final TacoJsonCodec CODEC = new TacoJsonCodec();

    private final Episode episode;
    private final List<Tool> tools;
    private final CotaRunnerConfig config;
    private final ToolContext context;
    private final List<ChatMessage> conversation = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private final List<String> images = new ArrayList<>();
    private int replies;
    private String lastReply;
    private String answer;
    private String stopReason;

    CotaEpisode(Episode episode, List<Tool> tools, CotaRunnerConfig config, String systemPrompt) {
        this.episode = episode;
        this.tools = tools;
        this.config = config;
        this.context = new ToolContext(episode.images(), episode.filesDir(), config.toolTimeout());
        String request = CotaPrompt.request(episode.question(), episode.images().size());
        conversation.add(ChatMessage.system(systemPrompt));
        conversation.add(ChatMessage.user(request, episode.images()));
        messages.add(Message.system(systemPrompt));
        messages.add(Message.user(request));
        if (episode.imageRefs() != null) {
            images.addAll(episode.imageRefs());
        } else {
            episode.images().forEach(i -> images.add(ChatImages.dataUrl(i)));
        }
    }

    boolean finished() {
        return stopReason != null;
    }

    List<ChatMessage> conversation() {
        return List.copyOf(conversation);
    }

    /** Takes one model reply: parse, act, and either feed back the result or finish. */
    void step(String reply) {
        replies++;
        lastReply = reply;
        conversation.add(ChatMessage.assistant(reply));
        boolean mentionsTerminate = config.stopOnTerminateText() && reply.contains(Action.TERMINATE);
        Message turn;
        try {
            turn = CODEC.parseAssistant(reply);
        } catch (CodecException e) {
            messages.add(new Message(Role.ASSISTANT, reply, null, null, null, Map.of(TacoJsonCodec.PARSE_ERROR, e.kind())));
            if (!stopIf(mentionsTerminate)) {
                String feedback = TacoJsonCodec.parseErrorFeedback(e);
                conversation.add(ChatMessage.user(feedback));
                messages.add(new Message(Role.USER, feedback, null, null, null, Map.of("feedback", "parse-error")));
            }
            return;
        }
        messages.add(withRaw(turn, reply));
        Action action = turn.action();
        if (action != null && action.isTerminate()) {
            Object a = action.arguments().get("answer");
            answer = a == null ? null : a instanceof String s ? s : JsonValues.toJson(a);
            finish(STOP_TERMINATE);
            return;
        }
        if (stopIf(mentionsTerminate)) {
            return;
        }
        observe(action);
    }

    /** Ends the episode when the reply mentions Terminate or was the last allowed; true when it ended. */
    private boolean stopIf(boolean mentionsTerminate) {
        if (mentionsTerminate) {
            finish(STOP_TERMINATE_TEXT);
        } else if (replies >= config.maxReplies()) {
            finish(STOP_MAX_REPLIES);
        }
        return finished();
    }

    private void finish(String reason) {
        stopReason = reason;
        if (answer == null && lastReply != null) {
            Matcher m = ANSWER.matcher(lastReply);
            if (m.find()) {
                answer = m.group(1);
            }
        }
    }

    /** Runs the action and sends its result (or its failure) back as an observation. */
    private void observe(Action action) {
        if (action == null) {
            Map<String, Object> content = Map.of("message", NO_ACTION);
            conversation.add(ChatMessage.user(TacoJsonCodec.observationText(content)));
            messages.add(Message.observation(content));
            return;
        }
        int before = context.images().size();
        Map<String, Object> result;
        try {
            result = Tools.call(tool(action.name()), action.arguments(), context);
        } catch (ToolException e) {
            String text = "Execution failed with " + e.kind() + ": " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().endsWith(".") ? "" : ".");
            conversation.add(ChatMessage.user(TacoJsonCodec.observationText(text)));
            messages.add(new Message(Role.OBSERVATION, text, null, null, null, Map.of("error", e.kind())));
            return;
        }
        // Shown in the order the codec writes the keys (sorted), so placeholders and images line up.
        Map<String, Object> content = new TreeMap<>(result);
        List<BufferedImage> shown = new ArrayList<>();
        for (Map.Entry<String, Object> e : content.entrySet()) {
            if (e.getValue() instanceof String id && isNewImage(id, before)) {
                e.setValue(id + ": " + ChatMessage.IMAGE);
                BufferedImage image = context.image(id);
                shown.add(image);
                images.add(ChatImages.dataUrl(image));
            }
        }
        conversation.add(ChatMessage.user(TacoJsonCodec.observationText(content), shown));
        messages.add(Message.observation(content));
    }

    private boolean isNewImage(String value, int before) {
        for (int i = before; i < context.images().size(); i++) {
            if (value.equals("image-" + i)) {
                return true;
            }
        }
        return false;
    }

    /** The tool of a name or alias among this run's tools; an unknown action is a tool error the model reads. */
    private Tool tool(String name) {
        for (Tool t : tools) {
            if (t.name().equals(name) || t.aliases().contains(name)) {
                return t;
            }
        }
        List<String> names = new ArrayList<>(tools.stream().map(Tool::name).toList());
        names.add(Action.TERMINATE);
        throw new ToolException("unknown-action", "there is no action '" + name + "'; the actions are "
                + String.join(", ", names));
    }

    /** The parsed turn, with the reply text in meta when it differs from the turn's canonical JSON. */
    private static Message withRaw(Message turn, String reply) {
        if (TacoJsonCodec.assistantText(turn.thought(), turn.action()).equals(reply)) {
            return turn;
        }
        Map<String, Object> meta = new LinkedHashMap<>(turn.meta());
        meta.put("raw", reply);
        return new Message(turn.role(), turn.content(), turn.thought(), turn.action(), turn.code(), meta);
    }

    Trace trace(String model) {
        Map<String, Object> meta = new LinkedHashMap<>(episode.meta());
        meta.put("runner", CotaRunner.NAME);
        meta.put("model", model);
        meta.put("prompt", config.simplePrompt() ? "simple" : "full");
        meta.put("question", episode.question());
        meta.put("replies", replies);
        meta.put("stop_reason", stopReason);
        return new Trace(episode.id(), "agent:" + CotaRunner.NAME, images, List.of(), messages, answer, meta);
    }
}
