package dev.cota.sft;

import dev.cota.core.DataException;
import dev.cota.core.provenance.Hashing;
import dev.cota.core.trace.Trace;
import dev.cota.data.Datasets;
import dev.cota.data.ReadOptions;
import dev.cota.data.TraceStream;
import dev.cota.data.batch.TraceImages;
import dev.cota.data.codec.CodecException;
import dev.cota.data.encode.DroppedTrace;
import dev.cota.data.encode.EncodeConfig;
import dev.cota.data.encode.EncodeResult;
import dev.cota.data.encode.EncodedSample;
import dev.cota.data.encode.EncodedTrace;
import dev.cota.data.encode.TraceEncoder;
import dev.cota.sft.config.DataSection;
import dev.cota.sft.config.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The encoded samples a run trains and evaluates on: every source read in its format, rendered by
 * its codec and the chat template with exact loss masks, and split into train and eval. Traces
 * the codec cannot render and over-long traces (with {@code truncation: drop}) are counted, not
 * trained on; the counts go into the run's provenance.
 *
 * @param train training samples, in source order
 * @param eval held-out samples (empty when the run has no evaluation)
 * @param counts per-source counts: read, encoded, unsupported, dropped
 * @param dataHash sha256 of the training token ids and masks (what the run saw, whatever the files)
 */
public record SftData(List<EncodedSample> train, List<EncodedSample> eval, Map<String, Object> counts,
                      String dataHash) {

    /** Reads, encodes and splits the data of a config with the tokenizer in {@code tokenizerDir}. */
    public static SftData load(DataSection data, EncodeConfig encode, Path tokenizerDir) throws IOException {
        return load(data, encode, tokenizerDir, null);
    }

    /**
     * {@link #load(DataSection, EncodeConfig, Path)}, registering every encoded trace's images with
     * {@code images} (for a VLM; null for a text-only model).
     */
    public static SftData load(DataSection data, EncodeConfig encode, Path tokenizerDir, TraceImages images)
            throws IOException {
        Map<String, Object> counts = new LinkedHashMap<>();
        List<EncodedSample> train = new ArrayList<>();
        List<EncodedSample> eval = new ArrayList<>();
        for (DataSource s : data.train()) {
            for (EncodedSample sample : encodeSource(s, encode, tokenizerDir, counts, images)) {
                boolean held = data.evalFraction() > 0 && heldOut(sample.id(), data.evalFraction());
                (held ? eval : train).add(sample);
            }
        }
        for (DataSource s : data.eval()) {
            eval.addAll(encodeSource(s, encode, tokenizerDir, counts, images));
        }
        if (train.isEmpty()) {
            throw new DataException(null, null, "no-training-data", "no trace of data.train could be encoded"
                    + " (see the per-source counts: unsupported turns for the codec, or too long for encode.max-length)");
        }
        return new SftData(List.copyOf(train), List.copyOf(eval), counts, hash(train));
    }

    private static List<EncodedSample> encodeSource(DataSource s, EncodeConfig encode, Path tokenizerDir,
                                                    Map<String, Object> counts, TraceImages images) throws IOException {
        EncodeConfig config = s.codec() == null ? encode : encode.withCodec(s.codec());
        List<Trace> traces = new ArrayList<>();
        Path root;
        try (TraceStream stream = Datasets.open(Path.of(s.path()), ReadOptions.DEFAULT.withFormat(s.format()))) {
            while (stream.hasNext() && (s.maxSamples() == null || traces.size() < s.maxSamples())) {
                traces.add(stream.next());
            }
            root = stream.root();
        }
        List<EncodedSample> out = new ArrayList<>();
        int unsupported = 0;
        int dropped = 0;
        try (TraceEncoder encoder = TraceEncoder.open(config, tokenizerDir)) {
            for (Trace t : traces) {
                EncodeResult r;
                try {
                    r = encoder.encode(t);
                } catch (CodecException e) {
                    unsupported++;
                    continue;
                }
                if (r instanceof EncodedTrace e) {
                    out.add(e.sample());
                    if (images != null && !e.sample().images().isEmpty()) {
                        images.add(t, root);
                    }
                } else if (r instanceof DroppedTrace) {
                    dropped++;
                }
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("codec", config.codec());
        c.put("read", traces.size());
        c.put("encoded", out.size());
        c.put("unsupported", unsupported);
        c.put("dropped", dropped);
        counts.put(s.path(), c);
        return out;
    }

    /** Whether a trace is held out: a hash of its id below the fraction, so the split ignores order. */
    static boolean heldOut(String id, double fraction) {
        byte[] h = Hashing.sha256().digest(id.getBytes(StandardCharsets.UTF_8));
        long v = ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
        return v < fraction * (1L << 32);
    }

    private static String hash(List<EncodedSample> samples) {
        var digest = Hashing.sha256();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8);
        for (EncodedSample s : samples) {
            digest.update(s.id().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < s.length(); i++) {
                b.clear();
                b.putInt(s.inputIds()[i]).putInt(s.lossMask()[i]);
                digest.update(b.array());
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }
}
