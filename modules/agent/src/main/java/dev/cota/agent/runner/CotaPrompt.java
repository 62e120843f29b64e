package dev.cota.agent.runner;

import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.tool.Tool;
import dev.cota.core.json.JsonValues;
import dev.cota.core.trace.Action;
import dev.cota.data.python.PythonRepr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * TACO's CoTA prompts (SalesforceAIResearch/TACO, {@code taco/prompt.py} {@code CoTAPrompt},
 * {@code run_multimodal_agent.py} {@code --simple-prompt}, {@code data.py} {@code format_query}):
 * the system prompt with the goal, the action list, the task and format instructions and TACO's four
 * demonstrations, or the simple variant that only names the actions; and the first user turn.
 *
 * <p>An action is listed as TACO's {@code CoTAPrompt} lists it: {@code Name}, {@code Description},
 * and {@code Arguments} as Python's {@code str} of {argument: description} (its {@code args_spec});
 * cota's tools carry no {@code rets_spec} or examples, so those lines appear only for the built-in
 * Terminate entry used when the toolset has no Terminate tool. Images are {@code <image>}
 * placeholders where TACO wrote {@code <img "path">}.
 */
public final class CotaPrompt {

    private static final String GOAL_TEXT = "You are a helpful assistant, and your goal is to solve the # USER REQUEST #."
            + " You can either rely on your own capabilities or perform actions with external tools to help you.";

    private static final String INSTRUCTIONS = "[BEGIN OF TASK INSTRUCTIONS]\n"
            + "1. You must only select actions from # ACTIONS #.\n"
            + "2. You can only call one action at a time.\n"
            + "3. If no action is needed, please make actions an empty list (i.e. \u201cactions\u201d: []).\n"
            + "4. You must always call Terminate with your final answer at the end.\n"
            + "[END OF TASK INSTRUCTIONS]\n\n"
            + "[BEGIN OF FORMAT INSTRUCTIONS]\n"
            + "Your output should be in a strict JSON format as follows:\n"
            + "{\"thought\": \"the thought process, or an empty string\", \"actions\": [{\"name\": \"action1\", \"arguments\":"
            + " {\"argument1\": \"value1\", \"argument2\": \"value2\"}}]}\n"
            + "[END OF FORMAT INSTRUCTIONS]\n\n";

    /** TACO's Terminate action ({@code taco/action.py}), listed when the toolset has no Terminate tool. */
    static final String TERMINATE_ENTRY = "Name: Terminate\n"
            + "Description: Using this function to finish the task.\n"
            + "Arguments: {'answer': 'the final answer.'}\n"
            + "Returns: {'answer': 'the final answer.'}\n"
            + "Examples:\n"
            + "{\"name\": \"Terminate\", \"arguments\": {\"answer\": \"yes\"}}\n\n";

    private static final String REQUEST_HEAD = "\n# USER REQUEST #:\n";
    private static final String REQUEST_TAIL = "\nNow please generate your response:\n";
    private static final Pattern IMAGE_LINE =
            Pattern.compile("(image-\\d+:\\s*)?" + Pattern.quote(ChatMessage.IMAGE));

    private CotaPrompt() {
    }

    /** TACO's full system prompt ({@code get_task_prompt_only}): goal, actions, instructions, examples. */
    public static String full(List<Tool> tools) {
        StringBuilder sb = new StringBuilder();
        sb.append("[BEGIN OF GOAL]\n").append(GOAL_TEXT)
                .append(" A list of all available actions are provided to you in the below.\n[END OF GOAL]\n\n");
        sb.append("[BEGIN OF ACTIONS]\n");
        boolean terminate = false;
        for (Tool t : tools) {
            sb.append(entry(t));
            terminate |= Action.TERMINATE.equals(t.name());
        }
        if (!terminate) {
            sb.append(TERMINATE_ENTRY);
        }
        sb.append("[END OF ACTIONS]\n\n");
        sb.append(INSTRUCTIONS);
        sb.append(demos());
        return sb.toString();
    }

    /** TACO's {@code --simple-prompt} system prompt: the goal and the action names only. */
    public static String simple(List<Tool> tools) {
        List<String> names = new java.util.ArrayList<>(tools.stream().map(Tool::name).toList());
        if (!names.contains(Action.TERMINATE)) {
            names.add(Action.TERMINATE);
        }
        return "[BEGIN OF GOAL] " + GOAL_TEXT + " You can use these actions: " + String.join(", ", names)
                + " [END OF GOAL]";
    }

    /**
     * The first user turn ({@code get_prompt_for_curr_query(format_query(images, question))}): one
     * {@code image-i: <image>} line per input image, the question, and TACO's request to respond.
     */
    public static String request(String question, int images) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < images; i++) {
            query.append("image-").append(i).append(": ").append(ChatMessage.IMAGE).append('\n');
        }
        query.append(question).append('\n');
        return REQUEST_HEAD + query + REQUEST_TAIL;
    }

    /**
     * The question inside a first user turn, the inverse of {@link #request}: TACO's request
     * wrapper and the leading image lines ({@code image-i: <image>} or a bare {@code <image>}) are
     * taken off; any other text comes back stripped of those image lines only. Used to ask a
     * recorded trace's question again through the runner, which writes the request itself.
     */
    public static String question(String userTurn) {
        String s = userTurn;
        if (s.startsWith(REQUEST_HEAD) && s.endsWith(REQUEST_TAIL) && s.length() >= REQUEST_HEAD.length()
                + REQUEST_TAIL.length()) {
            s = s.substring(REQUEST_HEAD.length(), s.length() - REQUEST_TAIL.length());
            s = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        }
        while (true) {
            int nl = s.indexOf('\n');
            String line = (nl < 0 ? s : s.substring(0, nl)).strip();
            if (nl < 0 || !IMAGE_LINE.matcher(line).matches()) {
                return s;
            }
            s = s.substring(nl + 1);
        }
    }

    /** One action as {@code CoTAPrompt} lists it. */
    static String entry(Tool tool) {
        Map<String, Object> args = new LinkedHashMap<>();
        Object props = tool.parameters().get("properties");
        if (props instanceof Map<?, ?> map) {
            map.forEach((name, spec) -> args.put((String) name,
                    spec instanceof Map<?, ?> s && s.get("description") != null ? s.get("description").toString() : ""));
        }
        return "Name: " + tool.name() + "\nDescription: " + tool.description() + "\nArguments: "
                + PythonRepr.repr(args) + "\n\n";
    }

    /** TACO's {@code [BEGIN OF EXAMPLES]} block: each step as {@code json.dumps}, observations after. */
    @SuppressWarnings("unchecked")
    static String demos() {
        List<Object> demos;
        try (InputStream in = CotaPrompt.class.getResourceAsStream("taco-demos.json")) {
            demos = (List<Object>) JsonValues.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("taco-demos.json", e);
        }
        StringBuilder sb = new StringBuilder("[BEGIN OF EXAMPLES]:\n");
        for (Object d : demos) {
            Map<String, Object> demo = (Map<String, Object>) d;
            sb.append("# USER REQUEST #:\n ").append(demo.get("user_request")).append('\n');
            sb.append("# RESPONSE #:\n");
            for (Object s : (List<Object>) demo.get("steps")) {
                Map<String, Object> step = (Map<String, Object>) s;
                Map<String, Object> turn = new LinkedHashMap<>();
                turn.put("thought", step.get("thought"));
                turn.put("actions", step.get("actions"));
                sb.append(PythonRepr.dumps(turn)).append('\n');
                Map<String, Object> obs = (Map<String, Object>) step.get("observation");
                if (!obs.isEmpty()) {
                    sb.append("OBSERVATION:\n").append(PythonRepr.dumps(obs)).append('\n');
                }
            }
            sb.append('\n');
        }
        return sb.append("[END OF EXAMPLES]\n").toString();
    }
}
