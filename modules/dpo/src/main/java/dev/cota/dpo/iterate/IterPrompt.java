package dev.cota.dpo.iterate;

import dev.cota.core.trace.Trace;
import dev.cota.dpo.data.PreferencePair;

/**
 * A prompt the policy answers in a round: its prompt turns (system and user, images with absolute
 * paths) as a trace without assistant turns, and the reference answer its samples are scored against.
 *
 * @param id the source record's id
 * @param prompt the turns before the first assistant turn, with the source trace's images and meta
 * @param answer the reference answer
 */
public record IterPrompt(String id, Trace prompt, String answer) {

    public IterPrompt {
        if (prompt.messages().isEmpty() || PreferencePair.prompt(prompt).size() != prompt.messages().size()) {
            throw new IllegalArgumentException("prompt " + id + ": a prompt holds system and user turns only");
        }
    }
}
