package dev.cota.synth.mmtraj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The files a query needs, as the generator model planned them in T3-Agent's template
 * ({@code prompts/file/gaia_system.prompt}: {@code "file": {"file_numbers", "file_information":
 * {"file_1": {"file_type", "file_content"}, ...}}}), and the text of a file the model then wrote.
 * Image types are selected from the pool; text types are written by the model; any other type needs
 * a binary writer cota does not have.
 */
final class FilePlan {

    /** File types whose content the model writes as text. */
    static final Set<String> TEXT_TYPES = Set.of(".txt", ".csv", ".json", ".md", ".html", ".htm", ".xml", ".py");
    /** File types selected from the image pool. */
    static final Set<String> IMAGE_TYPES = Set.of(".png", ".jpg", ".jpeg", "image");

    /**
     * One planned file.
     *
     * @param type its extension with the dot ({@code .csv}), or {@code image}
     * @param content the model's description of what it holds
     */
    record Planned(String type, String content) {

        boolean isImage() {
            return IMAGE_TYPES.contains(type);
        }

        boolean isText() {
            return TEXT_TYPES.contains(type);
        }
    }

    private FilePlan() {
    }

    /** The planned files in order; null when the reply holds no plan. */
    static List<Planned> parse(String reply) {
        JsonNode root = JsonReply.extract(reply);
        if (root == null || !root.isObject()) {
            return null;
        }
        JsonNode file = root.has("file") ? root.get("file") : root;
        if (!file.isObject()) {
            return null;
        }
        JsonNode info = file.get("file_information");
        if (info == null || info.isNull()) {
            return file.has("file_numbers") ? List.of() : null;
        }
        if (!info.isObject()) {
            return null;
        }
        List<Planned> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = info.fields(); it.hasNext(); ) {
            JsonNode f = it.next().getValue();
            String type = JsonReply.text(f, "file_type");
            String content = JsonReply.text(f, "file_content");
            if (type == null || content == null) {
                return null;
            }
            String t = type.toLowerCase(Locale.ROOT).replace(" ", "");
            out.add(new Planned(t.startsWith(".") || t.equals("image") ? t : "." + t, content));
        }
        return out;
    }

    /**
     * The file text in a file-content reply: between {@code ##file start} and {@code ##file end}
     * (inside its fence when fenced), else the first fenced block, else the whole reply; null when empty.
     */
    static String content(String reply) {
        if (reply == null) {
            return null;
        }
        String s = reply;
        int a = s.indexOf("##file start");
        if (a >= 0) {
            s = s.substring(a + "##file start".length());
            int b = s.indexOf("##file end");
            if (b >= 0) {
                s = s.substring(0, b);
            }
        }
        int open = s.indexOf("```");
        if (open >= 0) {
            int lineEnd = s.indexOf('\n', open);
            int close = lineEnd < 0 ? -1 : s.indexOf("```", lineEnd);
            if (close > lineEnd) {
                s = s.substring(lineEnd + 1, close);
            }
        }
        String t = s.strip();
        return t.isEmpty() ? null : t + "\n";
    }
}
