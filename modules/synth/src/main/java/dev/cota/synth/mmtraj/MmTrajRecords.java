package dev.cota.synth.mmtraj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cota.core.Location;
import dev.cota.core.json.Json;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Role;
import dev.cota.core.trace.Trace;
import dev.cota.data.codec.ReactCodeCodec;
import dev.cota.data.format.TraceReaders;
import dev.cota.data.source.RawRecord;
import java.util.List;
import java.util.Map;

/**
 * Trajectories in T3-Agent's MM-Traj training format, the records MAT-Agent's
 * {@code verifier/2_convert_format.py} writes ({@code {id, image, system-prompt, answer,
 * conversations}}, tool responses as user turns; one image is a path and its task is prefixed with
 * {@code <image>}, several are {@code {"<image_00>": path, ...}} with one {@code <image_0k>} line each)
 * and read back by cota's {@code mm-traj} reader. {@link #fromRunner} renders a ReAct runner trace as
 * the agent saw it; {@link #of} is the exact inverse of the reader, so a kept trace (the reader's
 * reading of the record) and the exported record stay equal field by field.
 */
public final class MmTrajRecords {

    /** The reader (and file) name of the format. */
    public static final String FORMAT = "mm-traj";

    private MmTrajRecords() {
    }

    /**
     * The record of a {@code ReactRunner} trace: its turns as the agent saw them (T3-Agent's memory),
     * images and files as given here (paths relative to the dataset root).
     */
    public static ObjectNode fromRunner(Trace t, String id, List<String> images, List<String> files) {
        ObjectNode r = head(id, images, files, t);
        ArrayNode conv = r.putArray("conversations");
        boolean task = true;
        boolean firstSystem = true;
        int step = 0;
        for (Message m : t.messages()) {
            switch (m.role()) {
                case SYSTEM -> {
                    if (!firstSystem) {
                        turn(conv, "system", m.contentText());
                    }
                    firstSystem = false;
                }
                case USER -> {
                    String text = m.contentText();
                    if (task) {
                        text = imageTokens(images.size()) + text;
                        task = false;
                    }
                    turn(conv, "user", text);
                }
                case ASSISTANT -> turn(conv, "assistant", m.code() != null
                        ? ReactCodeCodec.assistantText(m.thought(), m.code()) : m.contentText());
                case OBSERVATION -> turn(conv, "user", ReactCodeCodec.observationText(step++, m.content()));
            }
        }
        return r;
    }

    /** The record of a trace as the {@code mm-traj} reader gives it (the reader's inverse). */
    public static ObjectNode of(Trace t) {
        ObjectNode r = head(t.id(), t.images(), t.files(), t);
        ArrayNode conv = r.putArray("conversations");
        boolean firstSystem = true;
        for (Message m : t.messages()) {
            switch (m.role()) {
                case SYSTEM -> {
                    if (!firstSystem) {
                        turn(conv, "system", m.contentText());
                    }
                    firstSystem = false;
                }
                case USER -> turn(conv, "user", m.contentText());
                case ASSISTANT -> turn(conv, "assistant", m.code() != null ? codeTurn(m) : m.contentText());
                case OBSERVATION -> turn(conv, "user", observation(m));
            }
        }
        return r;
    }

    /** The trace cota's {@code mm-traj} reader reads from {@code record} (a malformed turn is a DataException). */
    public static Trace read(JsonNode record, long index) {
        return TraceReaders.get(FORMAT).read(RawRecord.ofTree(record, Location.line(FORMAT + ".json", index + 1), index));
    }

    private static ObjectNode head(String id, List<String> images, List<String> files, Trace t) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("id", id);
        if (images.size() == 1) {
            r.put("image", images.get(0));
        } else {
            ObjectNode map = r.putObject("image");
            for (int k = 0; k < images.size(); k++) {
                map.put(key(k), images.get(k));
            }
        }
        if (!files.isEmpty()) {
            ArrayNode f = r.putArray("files");
            files.forEach(f::add);
        }
        for (Message m : t.messages()) {
            if (m.role() == Role.SYSTEM) {
                r.put("system-prompt", m.contentText());
                break;
            }
        }
        if (t.answer() != null) {
            r.put("answer", t.answer());
        }
        return r;
    }

    /** MAT-Agent's placeholder of image k: {@code <image_00>}, {@code <image_01>}, ... */
    static String key(int k) {
        return String.format("<image_%02d>", k);
    }

    private static String imageTokens(int n) {
        if (n == 1) {
            return "<image>\n";
        }
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < n; k++) {
            s.append(key(k)).append('\n');
        }
        return s.toString();
    }

    private static void turn(ArrayNode conv, String role, String content) {
        ObjectNode o = conv.addObject();
        o.put("role", role);
        o.put("content", content == null ? "" : content);
    }

    private static String codeTurn(Message m) {
        Map<String, Object> meta = m.meta();
        StringBuilder s = new StringBuilder();
        if (Boolean.TRUE.equals(meta.get("no_thought_label"))) {
            s.append(m.thought()).append('\n');
        } else if (m.thought() != null) {
            s.append("Thought: ").append(m.thought()).append('\n');
        }
        Object lang = meta.get("lang");
        s.append("Code:\n```").append(lang == null ? "py" : lang).append('\n').append(m.code()).append("\n```");
        Object after = meta.get("after_code");
        if (after != null) {
            s.append(after);
        }
        return s.toString();
    }

    private static String observation(Message m) {
        Object prefix = m.meta().get("prefix");
        String body;
        if (m.content() instanceof Map<?, ?> map && map.size() == 1 && map.values().iterator().next() instanceof String v) {
            body = v;
        } else {
            body = m.contentText();
        }
        return (prefix == null ? "" : prefix.toString()) + body;
    }
}
