package dev.cota.data.tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word-count table BPE training runs on: how often each pre-tokenized piece (GPT-2 regex,
 * {@link ByteLevel#split}, or digits first: {@link PreTokenizer}) occurs in the documents added. Special tokens are cut out of documents
 * first, as the {@code tokenizers} added vocabulary does at encode time, so their text never shapes
 * the merges.
 */
public final class WordCounts {

    private final Map<String, long[]> counts = new HashMap<>();
    private final List<String> specialTokens;
    private final Pattern specials;
    private final PreTokenizer preTokenizer;
    private long documents;
    private long pieces;
    private long chars;

    /** A table that treats {@code specialTokens} as atomic (their occurrences are not counted), GPT-2's split. */
    public WordCounts(List<String> specialTokens) {
        this(specialTokens, PreTokenizer.BYTE_LEVEL);
    }

    /** A table that treats {@code specialTokens} as atomic and cuts text into pieces with {@code preTokenizer}. */
    public WordCounts(List<String> specialTokens, PreTokenizer preTokenizer) {
        this.specialTokens = List.copyOf(specialTokens);
        this.specials = specialPattern(this.specialTokens);
        this.preTokenizer = java.util.Objects.requireNonNull(preTokenizer, "preTokenizer");
    }

    /** How documents are cut into pieces (and how the trained tokenizer will cut them). */
    public PreTokenizer preTokenizer() {
        return preTokenizer;
    }

    /** The special tokens cut out of documents. */
    public List<String> specialTokens() {
        return specialTokens;
    }

    private static Pattern specialPattern(List<String> specialTokens) {
        if (specialTokens.isEmpty()) {
            return null;
        }
        // Longest first, so that a token that is a prefix of another never wins the alternation.
        List<String> sorted = new ArrayList<>(specialTokens);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder sb = new StringBuilder();
        for (String s : sorted) {
            sb.append(sb.length() == 0 ? "" : "|").append(Pattern.quote(s));
        }
        return Pattern.compile(sb.toString());
    }

    /** Counts the pieces of one document. */
    public void addDocument(CharSequence text) {
        countDocument();
        addText(text);
    }

    /** Counts one more document whose text comes in parts through {@link #addText}. */
    void countDocument() {
        documents++;
    }

    /** Counts the pieces of a part of a document cut where the GPT-2 split does not change. */
    void addText(CharSequence text) {
        chars += text.length();
        if (specials == null) {
            addPieces(text);
            return;
        }
        Matcher m = specials.matcher(text);
        int start = 0;
        while (m.find()) {
            addPieces(text.subSequence(start, m.start()));
            start = m.end();
        }
        addPieces(text.subSequence(start, text.length()));
    }

    private void addPieces(CharSequence text) {
        preTokenizer.split(text, piece -> {
            counts.computeIfAbsent(piece, k -> new long[1])[0]++;
            pieces++;
        });
    }

    /** Adds {@code count} occurrences of one piece as it is (no splitting); for tests and merges of tables. */
    public void addPiece(String piece, long count) {
        if (count <= 0 || piece.isEmpty()) {
            throw new IllegalArgumentException("piece must be non-empty with a positive count");
        }
        counts.computeIfAbsent(piece, k -> new long[1])[0] += count;
        pieces += count;
    }

    /** Distinct pieces. */
    public int distinct() {
        return counts.size();
    }

    /** Documents added. */
    public long documents() {
        return documents;
    }

    /** Pieces counted, with repeats. */
    public long pieces() {
        return pieces;
    }

    /** Characters (UTF-16 units) of text added, special tokens included. */
    public long chars() {
        return chars;
    }

    /** The pieces and their counts; the trainer orders them itself. */
    Map<String, long[]> table() {
        return counts;
    }
}
