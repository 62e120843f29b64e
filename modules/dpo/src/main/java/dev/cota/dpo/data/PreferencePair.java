package dev.cota.dpo.data;

import dev.cota.core.DataException;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Role;
import dev.cota.core.trace.Trace;
import java.util.List;

/**
 * One preference: the same prompt answered twice, once preferred. Both sides are whole traces
 * (prompt turns, then the completion's assistant and observation turns), so a pair is encoded
 * exactly as SFT encodes a trace and its loss mask covers the completion's assistant tokens only.
 *
 * @param id the pair's id
 * @param chosen the preferred trace
 * @param rejected the dispreferred trace, with the same prompt turns and images
 */
public record PreferencePair(String id, Trace chosen, Trace rejected) {

    public PreferencePair {
        List<Message> a = prompt(chosen);
        List<Message> b = prompt(rejected);
        if (!a.equals(b) || !chosen.images().equals(rejected.images())) {
            throw DataException.of("prompt-mismatch", "the chosen and rejected traces of a pair must share the turns"
                    + " before the first assistant turn, and the images");
        }
        if (a.size() == chosen.messages().size() || b.size() == rejected.messages().size()) {
            throw DataException.of("no-completion", "a side of the pair has no assistant turn");
        }
    }

    /** The turns before the first assistant turn. */
    public static List<Message> prompt(Trace t) {
        List<Message> m = t.messages();
        int i = 0;
        while (i < m.size() && m.get(i).role() != Role.ASSISTANT) {
            i++;
        }
        return m.subList(0, i);
    }
}
