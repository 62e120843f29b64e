package dev.cota.serve;

import dev.cota.agent.backend.SamplingParams;
import java.util.Arrays;
import java.util.List;

/**
 * The text of one streamed choice, released as it becomes certain: each token re-decodes the
 * choice's ids (so multi-token characters and merges come out right) and the new text is released
 * except a trailing half character and any tail that could still grow into a stop string (which
 * must never reach the client). The released pieces add up to exactly the non-streamed reply.
 */
final class StreamText {

    private final ServedModel model;
    private final SamplingParams params;
    private final List<String> stops;
    private int[] tokens = new int[16];
    private int count;
    private String sent = "";

    StreamText(ServedModel model, SamplingParams params) {
        this.model = model;
        this.params = params;
        this.stops = model.stops(params);
    }

    /** The text to send after {@code token}; {@code last} releases everything left. Empty for none. */
    String add(int token, boolean last) {
        if (count == tokens.length) {
            tokens = Arrays.copyOf(tokens, count * 2);
        }
        tokens[count++] = token;
        String text = model.reply(Arrays.copyOf(tokens, count), params);
        if (!last) {
            text = text.substring(0, text.length() - heldBack(text));
        }
        if (text.length() <= sent.length() || !text.startsWith(sent)) {
            // Nothing new, or decoding changed text already sent: wait for it to settle (the final
            // text is the reply, which starts with what was sent once every character is whole).
            return "";
        }
        String delta = text.substring(sent.length());
        sent = text;
        return delta;
    }

    /** How many trailing characters may still change: a half character, or a stop string's start. */
    private int heldBack(String text) {
        int hold = 0;
        while (hold < text.length() && text.charAt(text.length() - 1 - hold) == '\uFFFD') {
            hold++;
        }
        if (hold > 0) {
            return hold;
        }
        for (String stop : stops) {
            for (int k = Math.min(stop.length() - 1, text.length()); k > hold; k--) {
                if (text.endsWith(stop.substring(0, k))) {
                    hold = k;
                    break;
                }
            }
        }
        return hold;
    }
}
