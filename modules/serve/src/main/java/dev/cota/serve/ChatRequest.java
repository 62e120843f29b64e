package dev.cota.serve;

import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.SamplingParams;
import java.util.List;
import java.util.Objects;

/**
 * A validated {@code POST /v1/chat/completions} request: the conversation, one sampling per
 * choice ({@code n} of them; choice {@code i} samples with seed {@code seed + i}), and how to answer.
 *
 * @param conversation the messages, images decoded, at their {@code <image>} placeholders
 * @param choices the sampling of each choice, in index order (at least one)
 * @param maxTokensGiven whether the client named {@code max_tokens} (else it is fitted to the context)
 * @param stream answer with server-sent events
 * @param includeUsage send a usage chunk before {@code [DONE]} ({@code stream_options.include_usage})
 */
public record ChatRequest(List<ChatMessage> conversation, List<SamplingParams> choices, boolean maxTokensGiven,
                          boolean stream, boolean includeUsage) {

    public ChatRequest {
        conversation = List.copyOf(conversation);
        choices = List.copyOf(choices);
        if (conversation.isEmpty() || choices.isEmpty()) {
            throw new IllegalArgumentException("a request needs messages and at least one choice");
        }
        Objects.requireNonNull(choices.get(0));
    }

    /** This request with every choice generating at most {@code maxTokens}. */
    public ChatRequest withMaxTokens(int maxTokens) {
        return new ChatRequest(conversation, choices.stream().map(c -> new SamplingParams(maxTokens, c.temperature(),
                c.topP(), c.seed(), c.stop())).toList(), maxTokensGiven, stream, includeUsage);
    }
}
