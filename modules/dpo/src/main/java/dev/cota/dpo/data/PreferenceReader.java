package dev.cota.dpo.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.CotaException;
import dev.cota.core.DataException;
import dev.cota.core.json.Json;
import dev.cota.core.json.TraceJson;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Role;
import dev.cota.core.trace.Trace;
import dev.cota.data.format.TraceReaders;
import dev.cota.data.image.ImageRefs;
import dev.cota.data.source.RawRecord;
import dev.cota.data.source.RecordSource;
import dev.cota.data.source.RecordSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads preference pairs from a file or directory (JSON, JSONL or parquet) in one of three shapes:
 * <ul>
 * <li>{@code insight-v}: Insight-V's (LLaVA-NeXT {@code train_dpo.py}) rows {@code {id, prompt, answer,
 *     chosen, rejected, image}}, read by cota-data's {@code insight-v} reader; TRL's standard rows
 *     with string {@code prompt}, {@code chosen}, {@code rejected} are the same shape.</li>
 * <li>{@code trl}: TRL's conversational preference rows: {@code prompt}, {@code chosen} and
 *     {@code rejected} are lists of {@code {role, content}} messages, content a string or a list of
 *     parts ({@code {"type": "text", "text"}}, {@code {"type": "image"}}, which becomes the image
 *     placeholder), and {@code images} the image paths.</li>
 * <li>{@code trace-pairs}: {@code {id, chosen, rejected}} whose sides are cota traces with the same
 *     prompt turns (agent trajectories: their observations stay in the text and out of the loss).</li>
 * </ul>
 * {@code auto} tells them apart by the type of {@code chosen} (object, list or string), record by record.
 */
public final class PreferenceReader {

    /** The shapes this reader knows, {@code auto} first. */
    public static final List<String> FORMATS = List.of("auto", "insight-v", "trl", "trace-pairs");

    private final String format;
    private final String imageToken;

    /**
     * @param format one of {@link #FORMATS}
     * @param imageToken the placeholder written for a TRL image part
     */
    public PreferenceReader(String format, String imageToken) {
        if (!FORMATS.contains(format)) {
            throw new CotaException("unknown preference format '" + format + "' (" + String.join(", ", FORMATS) + ")");
        }
        this.format = format;
        this.imageToken = imageToken;
    }

    /** Reads at most {@code max} pairs (null: all), stopping at the first bad record with its location. */
    public List<PreferencePair> read(Path path, Integer max) throws IOException {
        List<PreferencePair> out = new ArrayList<>();
        try (RecordSource source = RecordSources.open(path)) {
            while (source.hasNext() && (max == null || out.size() < max)) {
                RawRecord record = source.next();
                try {
                    out.add(read(record));
                } catch (DataException e) {
                    throw e.at(record.location(), id(record.node(), record.index()));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    /** One record as a pair. */
    public PreferencePair read(RawRecord record) {
        JsonNode node = record.node();
        if (!node.isObject()) {
            throw DataException.of("invalid-record", "a preference record must be a JSON object");
        }
        String shape = format.equals("auto") ? detect(node) : format;
        return switch (shape) {
            case "insight-v" -> insightV(record);
            case "trl" -> trl(node, id(node, record.index()));
            default -> tracePair(node, id(node, record.index()));
        };
    }

    private static String detect(JsonNode node) {
        JsonNode chosen = node.path("chosen");
        if (chosen.isObject()) {
            return "trace-pairs";
        }
        if (chosen.isArray()) {
            return "trl";
        }
        if (chosen.isTextual() && node.path("prompt").isTextual()) {
            return "insight-v";
        }
        throw DataException.of("unknown-shape", "cannot tell the preference format: chosen must be a trace object"
                + " (trace-pairs), a message list (trl) or a string with a string prompt (insight-v)");
    }

    private static PreferencePair insightV(RawRecord record) {
        Trace t = TraceReaders.get("insight-v").read(record);
        Object rejected = t.meta().get("rejected");
        if (!(rejected instanceof String text)) {
            throw DataException.of("missing-field", "an Insight-V preference row needs prompt, chosen and rejected");
        }
        List<Message> prompt = PreferencePair.prompt(t);
        List<Message> other = new ArrayList<>(prompt);
        other.add(Message.assistantText(text));
        return new PreferencePair(t.id(), t, t.withMessages(other));
    }

    private PreferencePair trl(JsonNode node, String id) {
        List<String> images = ImageRefs.list(node.has("images") ? node.get("images") : node.get("image"));
        List<Message> prompt = messages(node, "prompt");
        List<Message> chosen = new ArrayList<>(prompt);
        chosen.addAll(messages(node, "chosen"));
        List<Message> rejected = new ArrayList<>(prompt);
        rejected.addAll(messages(node, "rejected"));
        String answer = node.path("answer").isValueNode() ? node.get("answer").asText() : null;
        return new PreferencePair(id, new Trace(id, "trl", images, List.of(), chosen, answer, null),
                new Trace(id, "trl", images, List.of(), rejected, answer, null));
    }

    private List<Message> messages(JsonNode node, String field) {
        JsonNode list = node.get(field);
        if (list == null || !list.isArray()) {
            throw DataException.of("missing-field", "a TRL conversational row needs a message list \"" + field + "\"");
        }
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            String where = field + "[" + i + "]";
            String role = m.path("role").asText("");
            String text = content(m.get("content"), where);
            out.add(switch (role.toLowerCase(Locale.ROOT)) {
                case "system" -> Message.system(text);
                case "user" -> Message.user(text);
                case "assistant" -> Message.assistantText(text);
                default -> throw DataException.of("unknown-role", where + ".role is \"" + role
                        + "\"; preference rows hold system, user and assistant messages");
            });
        }
        return out;
    }

    private String content(JsonNode c, String where) {
        if (c != null && c.isTextual()) {
            return c.asText();
        }
        if (c == null || !c.isArray()) {
            throw DataException.of("invalid-record", where + ".content must be a string or a list of parts");
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : c) {
            switch (part.path("type").asText("")) {
                case "text" -> sb.append(part.path("text").asText(""));
                case "image" -> sb.append(imageToken);
                default -> throw DataException.of("invalid-record", where + ": unknown content part type \""
                        + part.path("type").asText("") + "\" (text, image)");
            }
        }
        return sb.toString();
    }

    private static PreferencePair tracePair(JsonNode node, String id) {
        Trace chosen = trace(node, "chosen");
        Trace rejected = trace(node, "rejected");
        return new PreferencePair(id, chosen, rejected);
    }

    private static Trace trace(JsonNode node, String field) {
        JsonNode t = node.get(field);
        if (t == null || !t.isObject()) {
            throw DataException.of("missing-field", "a trace pair needs a trace object \"" + field + "\"");
        }
        try (var p = t.traverse(Json.mapper())) {
            p.nextToken();
            Trace trace = TraceJson.read(p);
            if (trace.messages().stream().noneMatch(m -> m.role() == Role.ASSISTANT)) {
                throw DataException.of("no-completion", field + " has no assistant turn");
            }
            return trace;
        } catch (IOException e) {
            throw DataException.of("invalid-record", field + ": " + e.getMessage());
        }
    }

    private static String id(JsonNode node, long index) {
        JsonNode id = node.get("id");
        return id != null && id.isValueNode() && !id.isNull() ? id.asText() : String.valueOf(index);
    }
}
