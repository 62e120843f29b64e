package dev.cota.synth.mmtraj;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON a model was asked to write, found in its reply as T3-Agent's scripts look for it
 * ({@code ### json start} / {@code ### start json} markers, a {@code ```json} fence; see
 * {@code verifier/1_gaia_q_f_filter.py} and {@code 1_query2file_content_parallel_tonggpt.py}), else
 * the outermost braces or brackets; read leniently (single quotes, trailing commas, {@code #} comments,
 * which the prompt templates themselves show). Null, never an exception, when there is none.
 */
final class JsonReply {

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_YAML_COMMENTS,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private static final String[][] MARKERS = {{"### json start", "### json end"}, {"### start json", "### end json"},
        {"```json", "```"}};

    private JsonReply() {
    }

    /** The first JSON value found in {@code reply}; null when none parses. */
    static JsonNode extract(String reply) {
        if (reply == null) {
            return null;
        }
        List<String> candidates = new ArrayList<>();
        for (String[] m : MARKERS) {
            String between = between(reply, m[0], m[1]);
            if (between != null) {
                candidates.add(between);
            }
        }
        candidates.add(outermost(reply, '{', '}'));
        candidates.add(outermost(reply, '[', ']'));
        for (String c : candidates) {
            if (c == null) {
                continue;
            }
            String t = c.strip();
            if (t.startsWith("'''")) {
                t = t.substring(3);
            }
            if (t.endsWith("'''")) {
                t = t.substring(0, t.length() - 3);
            }
            JsonNode n = parse(outermostOf(t.strip()));
            if (n != null && n.isContainerNode()) {
                return n;
            }
        }
        return null;
    }

    private static String outermostOf(String t) {
        String obj = outermost(t, '{', '}');
        String arr = outermost(t, '[', ']');
        if (obj == null) {
            return arr == null ? t : arr;
        }
        if (arr == null) {
            return obj;
        }
        return t.indexOf('[') < t.indexOf('{') ? arr : obj;
    }

    private static JsonNode parse(String text) {
        try {
            return LENIENT.readTree(text);
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String between(String s, String open, String close) {
        int a = s.indexOf(open);
        if (a < 0) {
            return null;
        }
        int from = a + open.length();
        int b = s.indexOf(close, from);
        return b < 0 ? s.substring(from) : s.substring(from, b);
    }

    private static String outermost(String s, char open, char close) {
        int a = s.indexOf(open);
        int b = s.lastIndexOf(close);
        return a < 0 || b <= a ? null : s.substring(a, b + 1);
    }

    /** A text field of an object, trimmed; null when absent or not a scalar. */
    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
