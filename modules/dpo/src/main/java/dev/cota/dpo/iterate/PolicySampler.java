package dev.cota.dpo.iterate;

import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.core.DataException;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Role;
import dev.cota.data.codec.ChatRole;
import dev.cota.data.image.ImageLoader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a policy ({@link ModelBackend}, usually cota-agent's {@code LocalBackend}, which renders the
 * prompt with the checkpoint's chat template and decodes a left-padded batch) for replies to the
 * round's prompts: each prompt's system and user turns become chat messages, its images loaded and
 * handed out in placeholder order; conversations are sent {@code batchSize} at a time.
 */
public final class PolicySampler {

    private final ImageLoader images = new ImageLoader();
    private final int batchSize;

    public PolicySampler(int batchSize) {
        this.batchSize = batchSize;
    }

    /**
     * {@code n} replies per prompt, in prompt order. Chunk {@code c} of the conversations is sampled
     * with seed {@code params.seed + c}; rows within a chunk get their own streams from the backend.
     */
    public List<List<String>> sample(ModelBackend policy, List<IterPrompt> prompts, int n, SamplingParams params) {
        List<List<ChatMessage>> conversations = new ArrayList<>(prompts.size() * n);
        for (IterPrompt p : prompts) {
            List<ChatMessage> c = conversation(p);
            for (int j = 0; j < n; j++) {
                conversations.add(c);
            }
        }
        List<String> replies = new ArrayList<>(conversations.size());
        for (int from = 0, chunk = 0; from < conversations.size(); from += batchSize, chunk++) {
            List<List<ChatMessage>> part = conversations.subList(from, Math.min(conversations.size(), from + batchSize));
            SamplingParams p = new SamplingParams(params.maxTokens(), params.temperature(), params.topP(),
                    params.seed() + chunk, params.stop());
            replies.addAll(policy.complete(part, p));
        }
        List<List<String>> out = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            out.add(List.copyOf(replies.subList(i * n, (i + 1) * n)));
        }
        return out;
    }

    /** The prompt's turns as chat messages; its images are decoded and given to messages in placeholder order. */
    List<ChatMessage> conversation(IterPrompt prompt) {
        List<String> refs = prompt.prompt().images();
        List<ChatMessage> out = new ArrayList<>();
        int next = 0;
        for (Message m : prompt.prompt().messages()) {
            String text = m.content() instanceof String s ? s : m.content() == null ? "" : String.valueOf(m.content());
            int k = ChatMessage.placeholders(text);
            if (next + k > refs.size()) {
                throw DataException.of("image-count", "prompt " + prompt.id() + " has more " + ChatMessage.IMAGE
                        + " placeholders than images (" + refs.size() + ")");
            }
            List<BufferedImage> own = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                own.add(images.open(refs.get(next++), null).decode());
            }
            out.add(new ChatMessage(m.role() == Role.SYSTEM ? ChatRole.SYSTEM : ChatRole.USER, text, own));
        }
        if (next != refs.size()) {
            throw DataException.of("image-count", "prompt " + prompt.id() + " has " + refs.size() + " images but "
                    + next + " " + ChatMessage.IMAGE + " placeholders");
        }
        return out;
    }
}
