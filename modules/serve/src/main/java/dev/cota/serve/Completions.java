package dev.cota.serve;

import dev.cota.model.lm.Generation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response objects of the Chat Completions API: {@code chat.completion} with its choices and
 * {@code usage}, and the {@code chat.completion.chunk}s of a stream.
 */
final class Completions {

    private final String id;
    private final long created;
    private final String model;

    Completions(String id, long created, String model) {
        this.id = id;
        this.created = created;
        this.model = model;
    }

    /** The whole answer: one choice per reply. */
    Map<String, Object> completion(List<String> replies, List<Generation> generations, int promptTokens) {
        List<Object> choices = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("role", "assistant");
            message.put("content", replies.get(i));
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("index", i);
            choice.put("message", message);
            choice.put("logprobs", null);
            choice.put("finish_reason", generations.get(i).finishReason().wireName());
            choices.add(choice);
        }
        Map<String, Object> out = head("chat.completion");
        out.put("choices", choices);
        out.put("usage", usage(generations, promptTokens));
        return out;
    }

    /** A chunk carrying {@code delta} (role and/or content) for one choice, with its finish reason or null. */
    Map<String, Object> chunk(int index, Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", index);
        choice.put("delta", delta);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        Map<String, Object> out = head("chat.completion.chunk");
        out.put("choices", List.of(choice));
        return out;
    }

    /** The last chunk of a stream that asked for usage: no choices, the request's token counts. */
    Map<String, Object> usageChunk(List<Generation> generations, int promptTokens) {
        Map<String, Object> out = head("chat.completion.chunk");
        out.put("choices", List.of());
        out.put("usage", usage(generations, promptTokens));
        return out;
    }

    /** {@code prompt_tokens} once (the choices share the prompt), {@code completion_tokens} over all choices. */
    static Map<String, Object> usage(List<Generation> generations, int promptTokens) {
        int completion = 0;
        for (Generation g : generations) {
            completion += g.tokens().length;
        }
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", promptTokens + completion);
        return usage;
    }

    private Map<String, Object> head(String object) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("object", object);
        out.put("created", created);
        out.put("model", model);
        return out;
    }
}
