package dev.cota.data.tokenizer;

import java.util.List;

/**
 * A trained byte-level BPE: the model vocabulary (ids 0..255 are the bytes, then the merged tokens
 * in the order they were learned), the merges in priority order (two merges can make the same token,
 * as in Hugging Face's trainer, so there can be more merges than learned tokens), and the special tokens, whose ids follow the
 * model vocabulary as in GPT-2 and Qwen2 tokenizers. Tokens are in byte-level form
 * ({@link ByteLevel}), as {@code tokenizer.json} stores them.
 *
 * @param tokens the model vocabulary by id
 * @param merges the merges, first learned first
 * @param specialTokens the special tokens; the first has id {@code tokens().size()}
 * @param preTokenizer how text was cut into pieces for training, and must be cut when encoding
 */
public record BpeVocab(List<String> tokens, List<Merge> merges, List<String> specialTokens,
                       PreTokenizer preTokenizer) {

    /**
     * One merge rule: two adjacent tokens become one.
     *
     * @param left the left token
     * @param right the right token
     */
    public record Merge(String left, String right) {

        /** The {@code "left right"} form of {@code tokenizer.json} (byte-level tokens hold no space). */
        public String text() {
            return left + " " + right;
        }
    }

    public BpeVocab {
        tokens = List.copyOf(tokens);
        merges = List.copyOf(merges);
        specialTokens = List.copyOf(specialTokens);
        java.util.Objects.requireNonNull(preTokenizer, "preTokenizer");
        if (tokens.size() < BpeOptions.BYTES || tokens.size() > BpeOptions.BYTES + merges.size()) {
            throw new IllegalArgumentException("a byte-level BPE has 256 byte tokens and at most one more per merge,"
                    + " got " + tokens.size() + " tokens and " + merges.size() + " merges");
        }
    }

    /** All ids: model vocabulary and special tokens. */
    public int size() {
        return tokens.size() + specialTokens.size();
    }

    /** The id of a special token. */
    public int specialId(String token) {
        int i = specialTokens.indexOf(token);
        if (i < 0) {
            throw new IllegalArgumentException("not a special token: " + token);
        }
        return tokens.size() + i;
    }
}
