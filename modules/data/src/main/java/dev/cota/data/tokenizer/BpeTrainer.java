package dev.cota.data.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Learns a GPT-2-style byte-level BPE (Sennrich et al. 2016; Radford et al. 2019) from a
 * {@link WordCounts} table, the way Hugging Face {@code tokenizers}' {@code BpeTrainer} does: the 256
 * byte symbols first, then, until the vocabulary is full, the most frequent adjacent pair (ties: the
 * pair with the smaller left id, then right id) becomes one token. Pair counts are updated
 * incrementally, only in the words that hold the merged pair (an index from pair to words), and
 * the best pair comes from a lazily updated priority queue, so a merge costs the size of the words
 * it touches, not a recount of the corpus. The same table gives the same vocabulary.
 */
public final class BpeTrainer {

    private final BpeOptions options;

    // Training state: words as symbol ids, their counts, and the live pairs.
    private int[][] words;
    private long[] freq;
    private final Map<Long, PairStats> pairs = new HashMap<>();
    private final PriorityQueue<Candidate> queue = new PriorityQueue<>(Candidate.ORDER);
    private int[] marks = new int[64];
    private int[] outMarks = new int[64];
    private int stamp;

    public BpeTrainer(BpeOptions options) {
        this.options = options;
    }

    /** Trains on the table; the trainer keeps no state between calls. */
    public synchronized BpeVocab train(WordCounts counts) {
        load(counts);
        List<String> tokens = new ArrayList<>(BpeOptions.BYTES + options.maxMerges());
        List<byte[]> tokenBytes = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int b = 0; b < BpeOptions.BYTES; b++) {
            String t = String.valueOf(ByteLevel.charOf(b));
            tokens.add(t);
            tokenBytes.add(new byte[] {(byte) b});
            ids.put(t, b);
        }
        List<BpeVocab.Merge> merges = new ArrayList<>();
        int maxTokens = BpeOptions.BYTES + options.maxMerges();
        while (tokens.size() < maxTokens) {
            Candidate top = queue.poll();
            if (top == null) {
                break;
            }
            PairStats p = pairs.get(key(top.left, top.right));
            if (p == null) {
                continue;
            }
            if (p.count != top.count) {
                queue.add(new Candidate(p.count, p.left, p.right));
                continue;
            }
            if (p.count < options.minFrequency()) {
                break;
            }
            byte[] joined = concat(tokenBytes.get(p.left), tokenBytes.get(p.right));
            String token = ByteLevel.toSymbols(joined);
            // Two merges can spell the same bytes ("ab"+"c", "a"+"bc"): they share one id, as in
            // tokenizers' trainer, since a vocabulary maps each token to one id.
            Integer existing = ids.get(token);
            int z = existing != null ? existing : tokens.size();
            if (existing == null) {
                tokens.add(token);
                tokenBytes.add(joined);
                ids.put(token, z);
            }
            merges.add(new BpeVocab.Merge(tokens.get(p.left), tokens.get(p.right)));
            applyMerge(p, z);
        }
        release();
        return new BpeVocab(tokens, merges, options.specialTokens(), counts.preTokenizer());
    }

    private void load(WordCounts counts) {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.table().entrySet());
        // Sorted, so that word indices (and with them every order below) do not depend on hashing.
        entries.sort(Map.Entry.comparingByKey());
        words = new int[entries.size()][];
        freq = new long[entries.size()];
        for (int w = 0; w < words.length; w++) {
            byte[] bytes = entries.get(w).getKey().getBytes(StandardCharsets.UTF_8);
            int[] symbols = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                symbols[i] = bytes[i] & 0xFF;
            }
            words[w] = symbols;
            freq[w] = entries.get(w).getValue()[0];
            for (int i = 0; i + 1 < symbols.length; i++) {
                add(symbols[i], symbols[i + 1], freq[w], w);
            }
        }
        for (PairStats p : pairs.values()) {
            queue.add(new Candidate(p.count, p.left, p.right));
        }
    }

    /** Replaces pair {@code p} by symbol {@code z} in every word that holds it, updating pair counts. */
    private void applyMerge(PairStats p, int z) {
        Set<PairStats> grown = new LinkedHashSet<>();
        int[] holders = p.words;
        int n = p.size;
        for (int k = 0; k < n; k++) {
            mergeWord(holders[k], p.left, p.right, z, grown);
        }
        if (pairs.get(key(p.left, p.right)) == p) {
            throw new IllegalStateException("pair count left after its merge: " + p.count);
        }
        // Every pair whose count grew gets a fresh queue entry; entries of pairs that shrank are
        // corrected when they surface (their count then differs from the pair's).
        for (PairStats g : grown) {
            if (pairs.get(key(g.left, g.right)) == g) {
                queue.add(new Candidate(g.count, g.left, g.right));
            }
        }
    }

    private void mergeWord(int w, int a, int b, int z, Set<PairStats> grown) {
        int[] s = words[w];
        int n = s.length;
        if (marks.length < n) {
            marks = new int[Math.max(n, marks.length * 2)];
            outMarks = new int[marks.length];
        }
        stamp++;
        int[] out = new int[n];
        int m = 0;
        boolean changed = false;
        for (int i = 0; i < n; ) {
            if (i + 1 < n && s[i] == a && s[i + 1] == b) {
                marks[i] = stamp;
                marks[i + 1] = stamp;
                outMarks[m] = stamp;
                out[m++] = z;
                i += 2;
                changed = true;
            } else {
                out[m++] = s[i++];
            }
        }
        if (!changed) {
            return;
        }
        // Pairs away from a merge site are the same before and after; only those touching one change.
        long c = freq[w];
        for (int i = 0; i + 1 < n; i++) {
            if (marks[i] == stamp || marks[i + 1] == stamp) {
                remove(s[i], s[i + 1], c);
            }
        }
        for (int i = 0; i + 1 < m; i++) {
            if (outMarks[i] == stamp || outMarks[i + 1] == stamp) {
                grown.add(add(out[i], out[i + 1], c, w));
            }
        }
        words[w] = Arrays.copyOf(out, m);
    }

    private PairStats add(int left, int right, long c, int w) {
        long k = key(left, right);
        PairStats p = pairs.get(k);
        if (p == null) {
            p = new PairStats(left, right);
            pairs.put(k, p);
        }
        p.count += c;
        p.addWord(w);
        return p;
    }

    private void remove(int left, int right, long c) {
        long k = key(left, right);
        PairStats p = pairs.get(k);
        p.count -= c;
        if (p.count == 0) {
            // No word holds it any more; its word list goes with it.
            pairs.remove(k);
        }
    }

    private void release() {
        words = null;
        freq = null;
        pairs.clear();
        queue.clear();
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    private static byte[] concat(byte[] x, byte[] y) {
        byte[] r = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, r, x.length, y.length);
        return r;
    }

    /** A live pair: its total count and the words that (may) hold it. */
    private static final class PairStats {
        final int left;
        final int right;
        long count;
        int[] words = new int[4];
        int size;

        PairStats(int left, int right) {
            this.left = left;
            this.right = right;
        }

        void addWord(int w) {
            // A word adds all its pairs in one go, so a repeat within that go is the last entry. A word
            // listed twice (possible when merges share an id) is merged once; the second visit finds nothing.
            if (size > 0 && words[size - 1] == w) {
                return;
            }
            if (size == words.length) {
                words = Arrays.copyOf(words, size * 2);
            }
            words[size++] = w;
        }
    }

    /** A queue entry: a pair and the count it had when queued. */
    private record Candidate(long count, int left, int right) {
        static final Comparator<Candidate> ORDER = Comparator.comparingLong(Candidate::count).reversed()
                .thenComparingInt(Candidate::left)
                .thenComparingInt(Candidate::right);
    }
}
