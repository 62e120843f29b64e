package dev.cota.dpo.data;

import dev.cota.core.DataException;
import dev.cota.core.provenance.Hashing;
import dev.cota.data.codec.CodecException;
import dev.cota.data.batch.TraceImages;
import dev.cota.data.encode.EncodeConfig;
import dev.cota.data.encode.EncodeResult;
import dev.cota.data.encode.EncodedSample;
import dev.cota.data.encode.EncodedTrace;
import dev.cota.data.encode.TraceEncoder;
import dev.cota.sft.config.DataSource;
import dev.cota.sft.model.ImageInputs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The encoded pairs a run trains on: every source read ({@link PreferenceReader}), both sides of each
 * pair rendered by the source's codec and the chat template with exact loss masks. A pair whose
 * side the codec cannot render, that does not fit {@code encode.max-length} (dropped whole, never
 * cut, so no image block is split), or whose completion has no scored token, is counted and left out.
 *
 * @param pairs the training pairs, in source order
 * @param counts per-source counts: read, encoded, unsupported, dropped, empty
 * @param dataHash sha256 of the pairs' ids, token ids and masks (what the run trains on)
 */
public record DpoData(List<EncodedPair> pairs, Map<String, Object> counts, String dataHash) {

    /** Pairs read from the sources (before encoding), with the source each came from. */
    public record Read(List<DataSource> sources, List<List<PreferencePair>> pairs) {
    }

    /** Reads every source of {@code sources}. */
    public static Read read(List<DataSource> sources, EncodeConfig encode) throws IOException {
        List<List<PreferencePair>> out = new ArrayList<>();
        for (DataSource s : sources) {
            out.add(new PreferenceReader(s.format(), encode.imageToken()).read(Path.of(s.path()), s.maxSamples()));
        }
        return new Read(List.copyOf(sources), out);
    }

    /** Encodes what {@link #read} gave with the tokenizer in {@code tokenizerDir}. */
    public static DpoData encode(Read read, EncodeConfig encode, Path tokenizerDir) throws IOException {
        return encode(read, encode, tokenizerDir, null);
    }

    /**
     * {@link #encode(Read, EncodeConfig, Path)}, registering each encoded pair's images (shared by its
     * two sides) with {@code images}, for a VLM; null for a text-only model.
     */
    public static DpoData encode(Read read, EncodeConfig encode, Path tokenizerDir, TraceImages images)
            throws IOException {
        Map<String, Object> counts = new LinkedHashMap<>();
        List<EncodedPair> pairs = new ArrayList<>();
        for (int i = 0; i < read.sources().size(); i++) {
            DataSource s = read.sources().get(i);
            EncodeConfig config = s.codec() == null ? encode : encode.withCodec(s.codec());
            int unsupported = 0;
            int dropped = 0;
            int empty = 0;
            int encoded = 0;
            try (TraceEncoder encoder = TraceEncoder.open(config, tokenizerDir)) {
                for (PreferencePair p : read.pairs().get(i)) {
                    EncodeResult c;
                    EncodeResult r;
                    try {
                        c = encoder.encode(p.chosen());
                        r = encoder.encode(p.rejected());
                    } catch (CodecException e) {
                        unsupported++;
                        continue;
                    }
                    if (!(c instanceof EncodedTrace ec) || !(r instanceof EncodedTrace er)) {
                        dropped++;
                        continue;
                    }
                    if (ec.sample().lossTokens() == 0 || er.sample().lossTokens() == 0) {
                        empty++;
                        continue;
                    }
                    pairs.add(new EncodedPair(p.id(), ec.sample(), er.sample()));
                    if (images != null && !p.chosen().images().isEmpty()) {
                        // Each side asks for its pixels by its own trace id (two episodes of one question
                        // have different ids), so both are registered; a pair shares its images.
                        images.add(p.chosen(), ImageInputs.root(Path.of(s.path())));
                        images.add(p.rejected(), ImageInputs.root(Path.of(s.path())));
                    }
                    encoded++;
                }
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("codec", config.codec());
            c.put("read", read.pairs().get(i).size());
            c.put("encoded", encoded);
            c.put("unsupported", unsupported);
            c.put("dropped", dropped);
            c.put("empty", empty);
            counts.put(s.path(), c);
        }
        if (pairs.isEmpty()) {
            throw new DataException(null, null, "no-training-data", "no pair of data.train could be encoded (see the"
                    + " per-source counts: unsupported turns for the codec, or too long for encode.max-length)");
        }
        return new DpoData(List.copyOf(pairs), counts, hash(pairs));
    }

    /** sha256 of the pairs' ids, token ids and masks, in order. */
    public static String hash(List<EncodedPair> pairs) {
        MessageDigest digest = Hashing.sha256();
        for (EncodedPair p : pairs) {
            digest.update(p.id().getBytes(StandardCharsets.UTF_8));
            update(digest, p.chosen());
            update(digest, p.rejected());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, EncodedSample s) {
        ByteBuffer b = ByteBuffer.allocate(8 * s.length() + 4);
        b.putInt(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.putInt(s.inputIds()[i]).putInt(s.lossMask()[i]);
        }
        digest.update(b.array());
    }
}
