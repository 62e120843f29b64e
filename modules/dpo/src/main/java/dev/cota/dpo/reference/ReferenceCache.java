package dev.cota.dpo.reference;

import ai.djl.ndarray.NDManager;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import dev.cota.core.provenance.Hashing;
import dev.cota.dpo.PairForward;
import dev.cota.dpo.data.EncodedPair;
import dev.cota.dpo.loss.SequenceLogps;
import dev.cota.sft.model.TrainableModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reference log-probs cached on disk, one JSON file per (data, reference weights) pair of hashes:
 * {@code DIR/<sha256(dataHash, referenceHash)>.json}, written atomically. A change of the encoded
 * pairs or of the reference's weights changes the key, so stale values are never read; a complete
 * file means the reference model need not be loaded at all.
 */
public final class ReferenceCache {

    private final Path dir;

    public ReferenceCache(Path dir) {
        this.dir = dir;
    }

    /** The cache file of a data and reference hash. */
    public Path file(String dataHash, String referenceHash) {
        String key = Hashing.sha256((dataHash + "\n" + referenceHash).getBytes(StandardCharsets.UTF_8));
        return dir.resolve(key + ".json");
    }

    /** The cached log-probs, when a complete file for these hashes and {@code pairs} pairs exists. */
    public Optional<ReferenceLogps> load(String dataHash, String referenceHash, int pairs) throws IOException {
        Path f = file(dataHash, referenceHash);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        ReferenceLogps r;
        try {
            r = Json.mapper().readValue(f.toFile(), ReferenceLogps.class);
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        boolean ok = r.size() == pairs && dataHash.equals(r.dataHash()) && referenceHash.equals(r.referenceHash());
        return ok ? Optional.of(r) : Optional.empty();
    }

    /** Writes the file of {@code logps} (atomically) and returns its path. */
    public Path save(ReferenceLogps logps) throws IOException {
        Files.createDirectories(dir);
        Path f = file(logps.dataHash(), logps.referenceHash());
        AtomicOutput.write(f, Json.mapper().writeValueAsBytes(logps));
        return f;
    }

    /**
     * The log-probs of every pair under {@code model}, {@code batchPairs} pairs per forward pass in
     * data order, without gradients.
     */
    public static ReferenceLogps compute(TrainableModel model, List<EncodedPair> pairs, int batchPairs, int padId,
                                         String dataHash, String referenceHash) {
        float[] chosen = new float[pairs.size()];
        float[] rejected = new float[pairs.size()];
        for (int from = 0; from < pairs.size(); from += batchPairs) {
            List<EncodedPair> part = pairs.subList(from, Math.min(pairs.size(), from + batchPairs));
            try (NDManager m = model.parameters().manager().newSubManager()) {
                float[] v = PairForward.of(model, part, padId, m).sums().toFloatArray();
                for (int i = 0; i < part.size(); i++) {
                    chosen[from + i] = v[i];
                    rejected[from + i] = v[part.size() + i];
                }
            }
        }
        return new ReferenceLogps(dataHash, referenceHash, chosen, rejected);
    }

    /**
     * The identity of a checkpoint's weights: sha256 over its {@code config.json} and every
     * {@code *.safetensors} (and index) file, in name order.
     */
    public static String checkpointHash(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return n.equals("config.json") || n.endsWith(".safetensors") || n.endsWith(".safetensors.index.json");
            }).sorted().forEach(files::add);
        }
        return Hashing.sha256(files);
    }

    /** The identity of a from-scratch model: its preset file, seed and vocabulary size. */
    public static String presetHash(Path preset, long seed, int vocabSize) throws IOException {
        byte[] text = Files.readAllBytes(preset);
        String tail = "\nseed=" + seed + "\nvocab_size=" + vocabSize;
        byte[] all = new byte[text.length + tail.length()];
        System.arraycopy(text, 0, all, 0, text.length);
        System.arraycopy(tail.getBytes(StandardCharsets.UTF_8), 0, all, text.length, tail.length());
        return Hashing.sha256(all);
    }
}
