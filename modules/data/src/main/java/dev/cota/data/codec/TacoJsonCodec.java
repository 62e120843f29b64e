package dev.cota.data.codec;

import dev.cota.core.trace.Action;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Trace;
import dev.cota.data.python.PythonLiteral;
import dev.cota.data.python.PythonRepr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TACO's chain-of-thought-and-action turn (SalesforceAIResearch/TACO, {@code taco/prompt.py},
 * {@code taco/parser.py}). The assistant writes one strict JSON object
 * {@code {"thought": "...", "actions": [{"name": "...", "arguments": {...}}]}}, rendered as
 * {@code json.dumps} writes it; a thought with no action renders {@code "actions": []}. An
 * observation is a user turn {@code OBSERVATION:\n<content>} followed by TACO's feedback sentence
 * ({@link #OBSERVATION_SUFFIX}).
 *
 * <p>The observation content is written as a Python dict repr ({@code {'text': 'x-2^3=0'}}), not
 * as JSON: TACO's {@code FeedbackPrompt} prints {@code str(obs_dict)} with the dict's keys in
 * {@code dir()} (sorted) order, and its released CoTA data was built from those agent
 * conversations, so that is the text TACO models were trained on and see at inference. Top-level
 * keys are therefore sorted; nested dicts keep their order. Text observations are written as they
 * are. Parsing reads the repr (or JSON) back with {@link PythonLiteral}; a text observation that is
 * itself a whole dict or list literal comes back as that value.
 *
 * <p>Assistant parsing ({@link #parseAssistant}) follows TACO's parser: a {@code ```json} fence is
 * opened, the outermost JSON object is taken (text around it ignored), and only
 * {@code actions[0]} counts. Extra actions are kept in the message's meta under
 * {@value #DROPPED_ACTIONS} (never rendered back) so nothing is silently lost, and unknown
 * top-level keys go to meta as well. An absent thought renders as {@code ""}.
 */
public final class TacoJsonCodec implements Codec {

    /** TACO's prefix of an observation turn ({@code FeedbackPrompt.msg_prefix}). */
    public static final String OBSERVATION_PREFIX = "OBSERVATION:\n";

    /** TACO's sentence after an observation ({@code FeedbackPrompt.msg_suffix}), verbatim. */
    public static final String OBSERVATION_SUFFIX = "\nThe OBSERVATION can be incomplete or incorrect, so please be"
            + " critical and decide how to make use of it. If you've gathered sufficient information to answer the"
            + " question, call Terminate with the final answer. Now, please generate the response for the next step.";

    /** TACO's feedback after a JSON error ({@code FeedbackPrompt.get_prompt}, stage "parsing", code "json"). */
    public static final String JSON_ERROR_FEEDBACK = "\nPlease format the output to a strict JSON format can be"
            + " converted by json.loads().\nRequirements:\n1. Do not change the content;\n2. Consider changing single"
            + " quotes to double quotes or vice versa where applicable;\n3. Consider adding or removing curly bracket"
            + " or removing the period at the end if any.";

    /** TACO's feedback after any other parse or tool error ({@code default_feedback_msg}). */
    public static final String DEFAULT_ERROR_FEEDBACK = "\nPlease try again to fix the error. Or, reply with"
            + " Terminate only if you believe this error is not fixable.";

    /**
     * Message meta key the CoTA runner sets on a reply that did not parse (its value is the error
     * kind); such a turn holds the reply as plain content and renders as that text.
     */
    public static final String PARSE_ERROR = "parse_error";

    /** Message meta key holding {@code actions[1:]} of an output that called more than one action. */
    public static final String DROPPED_ACTIONS = "dropped_actions";

    @Override
    public String name() {
        return "taco-json";
    }

    /** The user turn TACO sends after an unparsable output: prefix, error message, feedback. */
    public static String parseErrorFeedback(CodecException e) {
        String feedback = TacoJsonParser.MALFORMED_JSON.equals(e.kind()) ? JSON_ERROR_FEEDBACK : DEFAULT_ERROR_FEEDBACK;
        return OBSERVATION_PREFIX + e.getMessage() + feedback;
    }

    /** The user turn of an observation: prefix, content (dict repr or text), TACO's sentence. */
    public static String observationText(Object content) {
        return OBSERVATION_PREFIX + observationBody(content) + OBSERVATION_SUFFIX;
    }

    /** An assistant turn as TACO's model writes it: {@code json.dumps({"thought": ..., "actions": [...]})}. */
    public static String assistantText(String thought, Action action) {
        Map<String, Object> turn = new LinkedHashMap<>();
        turn.put("thought", thought == null ? "" : thought);
        List<Object> actions = new ArrayList<>();
        if (action != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", action.name());
            a.put("arguments", action.arguments());
            actions.add(a);
        }
        turn.put("actions", actions);
        return PythonRepr.dumps(turn);
    }

    @Override
    public List<ChatTurn> render(Trace trace) {
        List<Message> messages = trace.messages();
        List<ChatTurn> turns = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            turns.add(switch (m.role()) {
                case SYSTEM -> new ChatTurn(ChatRole.SYSTEM, m.contentText(), i);
                case USER -> new ChatTurn(ChatRole.USER, m.contentText(), i);
                case OBSERVATION -> new ChatTurn(ChatRole.USER, observationText(m.content()), i);
                case ASSISTANT -> new ChatTurn(ChatRole.ASSISTANT, renderAssistant(m, i), i);
            });
        }
        return turns;
    }

    private static String renderAssistant(Message m, int index) {
        if (m.content() instanceof String raw && m.meta().containsKey(PARSE_ERROR) && m.thought() == null
                && m.action() == null && m.code() == null) {
            // A reply the CoTA runner could not parse is kept as the model wrote it: DPO on agent
            // episodes scores exactly those tokens (a malformed turn is what a rejected side teaches away).
            return raw;
        }
        if (m.code() != null || m.content() != null || (m.thought() == null && m.action() == null)) {
            throw new CodecException(CodecException.UNSUPPORTED_TURN, "taco-json: assistant message " + index
                    + " is not a thought + action turn (it has " + (m.code() != null ? "code" : "plain content")
                    + "); TACO's format has no way to write it");
        }
        return assistantText(m.thought(), m.action());
    }

    private static String observationBody(Object content) {
        if (content == null) {
            return "";
        }
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Map<?, ?> map) {
            // dir() lists attributes sorted, so TACO's obs_dict has its top-level keys in sorted order.
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, v));
            return PythonRepr.repr(sorted);
        }
        return PythonRepr.repr(content);
    }

    @Override
    public Message parseAssistant(String text) {
        return TacoJsonParser.parse(text);
    }

    @Override
    public List<Message> parse(List<ChatTurn> turns) {
        List<Message> messages = new ArrayList<>(turns.size());
        for (ChatTurn t : turns) {
            messages.add(switch (t.role()) {
                case SYSTEM -> Message.system(t.text());
                case ASSISTANT -> parseAssistant(t.text());
                case USER -> t.text().startsWith(OBSERVATION_PREFIX)
                        ? Message.observation(parseObservation(t.text()))
                        : Message.user(t.text());
            });
        }
        return messages;
    }

    private static Object parseObservation(String text) {
        String body = text.substring(OBSERVATION_PREFIX.length());
        if (body.endsWith(OBSERVATION_SUFFIX)) {
            body = body.substring(0, body.length() - OBSERVATION_SUFFIX.length());
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return PythonLiteral.parse(trimmed);
            } catch (IllegalArgumentException notALiteral) {
                return body; // text that merely starts with a bracket
            }
        }
        return body;
    }
}
