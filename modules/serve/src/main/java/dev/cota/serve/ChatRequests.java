package dev.cota.serve;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.agent.backend.ChatImages;
import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.core.json.Json;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a chat-completions request body into a {@link ChatRequest}, with the meanings of OpenAI's
 * Chat Completions API reference. Every mistake is an {@link ApiError} 400 naming the field:
 * unknown fields and unsupported options are refused rather than ignored, so a client never gets
 * an answer to a question it did not ask.
 */
final class ChatRequests {

    /** Stop sequences at most, as OpenAI. */
    static final int MAX_STOP = 4;
    /** The largest image a request may carry (pixels), checked before it is decoded. */
    static final long MAX_IMAGE_PIXELS = 4096L * 4096L;

    private static final Set<String> FIELDS = Set.of("model", "messages", "max_tokens", "max_completion_tokens",
            "temperature", "top_p", "stop", "seed", "n", "stream", "stream_options", "user", "frequency_penalty",
            "presence_penalty", "logprobs");
    private static final Set<String> MESSAGE_FIELDS = Set.of("role", "content", "name");

    private final String modelName;
    private final int maxChoices;
    private final int defaultMaxTokens;
    private final int maxRequestBytes;

    ChatRequests(ServeConfig config) {
        this.modelName = config.modelName();
        this.maxChoices = config.maxBatch();
        this.defaultMaxTokens = config.defaultMaxTokens();
        this.maxRequestBytes = config.maxRequestBytes();
    }

    /** The request of a body; {@code randomSeed} seeds it when the client gives no seed. */
    ChatRequest parse(byte[] body, long randomSeed) {
        JsonNode root;
        try {
            root = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (java.io.IOException | RuntimeException e) {
            throw ApiError.invalid(null, "the request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiError.invalid(null, "the request body must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw ApiError.invalid(f, "unrecognized request argument supplied: " + f);
            }
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual()) {
            throw ApiError.invalid("model", "'model' is required and must be a string");
        }
        if (!model.asText().equals(modelName)) {
            throw new ApiError(404, "invalid_request_error", "model_not_found", "model",
                    "the model '" + abbreviate(model.asText()) + "' does not exist; this server serves '" + modelName + "'");
        }
        unsupported(root, "frequency_penalty", 0);
        unsupported(root, "presence_penalty", 0);
        if (root.has("logprobs") && !(root.get("logprobs").isBoolean() && !root.get("logprobs").asBoolean())) {
            throw ApiError.invalid("logprobs", "logprobs are not supported by this server");
        }
        if (root.has("user") && !root.get("user").isTextual()) {
            throw ApiError.invalid("user", "'user' must be a string");
        }
        List<ChatMessage> conversation = messages(root.get("messages"));
        if (root.has("max_tokens") && root.has("max_completion_tokens")) {
            throw ApiError.invalid("max_tokens", "give max_tokens or max_completion_tokens, not both");
        }
        String lengthField = root.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        Integer maxTokens = integer(root, lengthField, 1, Integer.MAX_VALUE);
        double temperature = number(root, "temperature", 0, 2, 1.0);
        double topP = number(root, "top_p", Double.MIN_VALUE, 1, 1.0);
        Integer n = integer(root, "n", 1, maxChoices);
        long seed = randomSeed;
        JsonNode s = root.get("seed");
        if (s != null && !s.isNull()) {
            if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                throw ApiError.invalid("seed", "'seed' must be an integer");
            }
            seed = s.asLong();
        }
        List<String> stop = stop(root.get("stop"));
        boolean stream = bool(root, "stream");
        boolean includeUsage = streamOptions(root.get("stream_options"), stream);
        List<SamplingParams> choices = new ArrayList<>();
        for (int i = 0; i < (n == null ? 1 : n); i++) {
            choices.add(new SamplingParams(maxTokens == null ? defaultMaxTokens : maxTokens, temperature, topP, seed + i,
                    stop));
        }
        return new ChatRequest(conversation, choices, maxTokens != null, stream, includeUsage);
    }

    private List<ChatMessage> messages(JsonNode messages) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiError.invalid("messages", "'messages' is required and must be a non-empty array");
        }
        List<ChatMessage> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            out.add(message(messages.get(i), "messages[" + i + "]"));
        }
        return out;
    }

    private ChatMessage message(JsonNode m, String where) {
        if (!m.isObject()) {
            throw ApiError.invalid(where, where + " must be an object {\"role\", \"content\"}");
        }
        for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!MESSAGE_FIELDS.contains(f)) {
                throw ApiError.invalid(where + "." + f, "unrecognized message field '" + abbreviate(f) + "' in " + where);
            }
        }
        JsonNode r = m.get("role");
        String role = r != null && r.isTextual() ? r.asText() : "";
        if (!Set.of("system", "developer", "user", "assistant").contains(role)) {
            throw ApiError.invalid(where + ".role", where + ".role must be one of system, developer, user, assistant");
        }
        if (m.has("name") && !m.get("name").isTextual()) {
            throw ApiError.invalid(where + ".name", where + ".name must be a string");
        }
        JsonNode content = m.get("content");
        StringBuilder text = new StringBuilder();
        List<BufferedImage> images = new ArrayList<>();
        if (content != null && content.isTextual()) {
            text.append(plain(content.asText(), where + ".content"));
        } else if (content != null && content.isArray()) {
            for (int k = 0; k < content.size(); k++) {
                part(content.get(k), where + ".content[" + k + "]", role, text, images);
            }
        } else if (!(role.equals("assistant") && (content == null || content.isNull()))) {
            throw ApiError.invalid(where + ".content", where + ".content must be a string or an array of content parts");
        }
        return switch (role) {
            case "user" -> ChatMessage.user(text.toString(), images);
            case "assistant" -> ChatMessage.assistant(text.toString());
            default -> ChatMessage.system(text.toString());
        };
    }

    private void part(JsonNode p, String where, String role, StringBuilder text, List<BufferedImage> images) {
        String type = p.isObject() && p.path("type").isTextual() ? p.get("type").asText() : null;
        if ("text".equals(type) && p.path("text").isTextual() && p.size() == 2) {
            text.append(plain(p.get("text").asText(), where + ".text"));
            return;
        }
        if (!"image_url".equals(type) || p.size() != 2 || !p.has("image_url")) {
            throw ApiError.invalid(where, where + " must be {\"type\": \"text\", \"text\"} or"
                    + " {\"type\": \"image_url\", \"image_url\": {\"url\"}}");
        }
        if (!role.equals("user")) {
            throw ApiError.invalid(where, "images are allowed in user messages only");
        }
        JsonNode image = p.get("image_url");
        JsonNode url = image.isTextual() ? image : image.path("url");
        if (!url.isTextual() || (image.isObject() && !image.path("detail").isMissingNode()
                && !image.path("detail").isTextual()) || (image.isObject() && image.size() > (image.has("detail") ? 2 : 1))) {
            throw ApiError.invalid(where + ".image_url", where + ".image_url must be {\"url\": \"data:...\"}");
        }
        String u = url.asText();
        String scheme = u.toLowerCase(Locale.ROOT);
        if (scheme.startsWith("http://") || scheme.startsWith("https://")) {
            throw ApiError.invalid(where + ".image_url.url", "image_url_not_supported", "this server fetches nothing:"
                    + " send the image inline as a data:image/...;base64,... URL");
        }
        if (!scheme.startsWith("data:")) {
            throw ApiError.invalid(where + ".image_url.url", "invalid_image", "the image URL must be a data: URL");
        }
        try {
            images.add(ChatImages.fromDataUrl(u, MAX_IMAGE_PIXELS, maxRequestBytes));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid(where + ".image_url.url", "invalid_image", "the image does not decode: "
                    + abbreviate(e.getMessage()));
        }
        text.append(ChatMessage.IMAGE);
    }

    /** Text that cannot be mistaken for an image placeholder. */
    private static String plain(String text, String where) {
        if (text.contains(ChatMessage.IMAGE)) {
            throw ApiError.invalid(where, where + " contains " + ChatMessage.IMAGE
                    + ", which stands for an image here; send images as image_url parts");
        }
        return text;
    }

    private static List<String> stop(JsonNode stop) {
        if (stop == null || stop.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (stop.isTextual()) {
            out.add(stop.asText());
        } else if (stop.isArray() && stop.size() <= MAX_STOP) {
            for (JsonNode s : stop) {
                if (!s.isTextual()) {
                    throw ApiError.invalid("stop", "'stop' must be a string or an array of up to 4 strings");
                }
                out.add(s.asText());
            }
        } else {
            throw ApiError.invalid("stop", "'stop' must be a string or an array of up to 4 strings");
        }
        if (out.stream().anyMatch(String::isEmpty)) {
            throw ApiError.invalid("stop", "a stop sequence must not be empty");
        }
        return out;
    }

    private static boolean streamOptions(JsonNode options, boolean stream) {
        if (options == null || options.isNull()) {
            return false;
        }
        if (!stream) {
            throw ApiError.invalid("stream_options", "stream_options is only allowed when stream is true");
        }
        if (!options.isObject() || options.size() > 1 || (options.size() == 1 && !options.path("include_usage").isBoolean())) {
            throw ApiError.invalid("stream_options", "stream_options must be {\"include_usage\": true|false}");
        }
        return options.path("include_usage").asBoolean(false);
    }

    private static Integer integer(JsonNode root, String field, int min, int max) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw ApiError.invalid(field, "'" + field + "' must be an integer in [" + min + ", " + max + "]");
        }
        return v.asInt();
    }

    private static double number(JsonNode root, String field, double min, double max, double absent) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isNumber() || !(v.asDouble() >= min && v.asDouble() <= max)) {
            throw ApiError.invalid(field, "'" + field + "' must be a number in [" + (min == Double.MIN_VALUE ? "0 (excluded)"
                    : min) + ", " + max + "]");
        }
        return v.asDouble();
    }

    private static boolean bool(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw ApiError.invalid(field, "'" + field + "' must be true or false");
        }
        return v.asBoolean();
    }

    private static void unsupported(JsonNode root, String field, double only) {
        JsonNode v = root.get(field);
        if (v != null && !v.isNull() && !(v.isNumber() && v.asDouble() == only)) {
            throw ApiError.invalid(field, "'" + field + "' is not supported by this server (only " + only + ")");
        }
    }

    private static String abbreviate(String s) {
        String line = s == null ? "" : s.replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
