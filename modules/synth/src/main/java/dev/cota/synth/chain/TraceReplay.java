package dev.cota.synth.chain;

import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.tool.ToolContext;
import dev.cota.agent.tool.ToolException;
import dev.cota.agent.tool.Tools;
import dev.cota.core.json.JsonValues;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Role;
import dev.cota.core.trace.Trace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Re-executes the actions of a generated trace with the same tools, from its input images, and
 * checks that every observation is what the tool returns now and that the Terminate answer is the
 * trace's answer: the proof that a trace's observations were executed, not invented.
 */
public final class TraceReplay {

    private TraceReplay() {
    }

    /** The first difference found, or null when the trace replays exactly. */
    public static String check(Trace trace, Path root, Duration timeout) throws IOException {
        int inputs = 0;
        for (Message m : trace.messages()) {
            if (m.role() == Role.USER) {
                inputs = ChatMessage.placeholders(m.contentText());
                break;
            }
        }
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            BufferedImage image = ImageIO.read(root.resolve(trace.images().get(i)).toFile());
            if (image == null) {
                return "image " + trace.images().get(i) + " is not readable";
            }
            images.add(image);
        }
        ToolContext context = new ToolContext(images, null, timeout);
        List<Message> ms = trace.messages();
        String answer = null;
        for (int i = 0; i < ms.size(); i++) {
            Message m = ms.get(i);
            if (m.action() == null) {
                continue;
            }
            int before = context.images().size();
            Map<String, Object> result;
            try {
                result = Tools.call(Tools.get(m.action().name()), m.action().arguments(), context);
            } catch (ToolException e) {
                return "messages[" + i + "] " + m.action().name() + " failed on replay: " + e.getMessage();
            }
            if (m.action().isTerminate()) {
                answer = String.valueOf(result.get("answer"));
                continue;
            }
            Object now = JsonValues.parse(JsonValues.toJson(ToolSession.shown(result, before, context.images().size())));
            Message next = i + 1 < ms.size() ? ms.get(i + 1) : null;
            if (next == null || next.role() != Role.OBSERVATION) {
                return "messages[" + i + "] " + m.action().name() + " has no observation after it";
            }
            String recorded = JsonValues.toJson(next.content());
            String replayed = JsonValues.toJson(now);
            if (!recorded.equals(replayed)) {
                return "messages[" + (i + 1) + "] differs on replay: recorded " + abbreviate(recorded)
                        + ", replayed " + abbreviate(replayed);
            }
        }
        if (answer == null || !answer.equals(trace.answer())) {
            return "the Terminate answer " + answer + " is not the trace's answer " + trace.answer();
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
