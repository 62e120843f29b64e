package dev.cota.serve;

import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.LocalBackend;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.model.lm.Generation;
import dev.cota.model.lm.TokenListener;
import dev.cota.model.vlm.VlmPrompt;
import java.util.List;

/**
 * What the server needs of a model: prompts built from chat messages, batched generation with
 * per-request sampling, and text from token ids. {@link #of(LocalBackend)} serves a cota checkpoint
 * through the agent's {@link LocalBackend} (its chat template, tokenizer and image processing).
 */
public interface ServedModel extends AutoCloseable {

    /** The conversation as a prompt (thread-safe); an {@link IllegalArgumentException} for bad content. */
    VlmPrompt prepare(List<ChatMessage> conversation);

    /** One batch, each prompt with its own sampling; {@code listener} hears each token. */
    List<Generation> generate(List<VlmPrompt> batch, List<SamplingParams> params, TokenListener listener);

    /** The reply text of generated ids: decoded and cut before the first stop string (the template's included). */
    String reply(int[] tokens, SamplingParams params);

    /** The stop strings a reply is cut at: the template's end of turn and the request's. */
    List<String> stops(SamplingParams params);

    /** Prompt plus reply tokens at most. */
    int contextLength();

    /** True when it takes images. */
    boolean takesImages();

    @Override
    void close();

    /** A cota checkpoint loaded by the agent's local backend, which this closes. */
    static ServedModel of(LocalBackend backend) {
        return new ServedModel() {
            @Override
            public VlmPrompt prepare(List<ChatMessage> conversation) {
                try {
                    return backend.prepare(conversation);
                } catch (dev.cota.agent.backend.BackendException e) {
                    // The backend's name holds the checkpoint's path, which is no business of a client.
                    throw new IllegalArgumentException(e.getMessage().replace(backend.name() + ": ", ""), e);
                }
            }

            @Override
            public List<Generation> generate(List<VlmPrompt> batch, List<SamplingParams> params, TokenListener listener) {
                return backend.generate(batch, params, listener);
            }

            @Override
            public String reply(int[] tokens, SamplingParams params) {
                return backend.withTemplateStops(params).cut(backend.decode(tokens));
            }

            @Override
            public List<String> stops(SamplingParams params) {
                return backend.withTemplateStops(params).stop();
            }

            @Override
            public int contextLength() {
                return backend.contextLength();
            }

            @Override
            public boolean takesImages() {
                return backend.takesImages();
            }

            @Override
            public void close() {
                backend.close();
            }

            @Override
            public String toString() {
                return backend.toString();
            }
        };
    }
}
