package dev.cota.cli;

import dev.cota.core.trace.Trace;
import dev.cota.data.Datasets;
import dev.cota.data.ReadOptions;
import dev.cota.data.TraceStream;
import dev.cota.data.codec.CodecException;
import dev.cota.data.encode.DroppedTrace;
import dev.cota.data.encode.EncodeConfig;
import dev.cota.data.encode.EncodeResult;
import dev.cota.data.encode.EncodedTrace;
import dev.cota.data.encode.TraceEncoder;
import dev.cota.data.tokenizer.BpeVocab;
import dev.cota.data.tokenizer.TraceTokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quickstart's tokenization stage: trains a byte-level BPE tokenizer on the converted traces
 * and encodes every dataset through its format's codec and the ChatML template, with exact loss
 * masks, counting what a model would train on.
 */
final class QuickstartEncoding {

    /** The codec each bundled format's assistant turns are written in; the rest train on answers. */
    private static final Map<String, String> CODECS = Map.of(
            "cota", "taco-json", "cota-mantis", "taco-json", "cota-llava", "taco-json",
            "mm-traj", "react-code", "insight-v", "insight-v");

    static final int VOCAB = 1024;
    static final int IMAGE_TOKENS = 16;

    private QuickstartEncoding() {
    }

    /** Trains the tokenizer into {@code tokenizerDir}; returns its summary. */
    static Map<String, Object> trainTokenizer(List<Path> data, Path tokenizerDir) throws IOException {
        BpeVocab vocab = TraceTokenizer.train(data, tokenizerDir, VOCAB, 8192);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vocab_size", vocab.size());
        m.put("merges", vocab.merges().size());
        m.put("dir", tokenizerDir.toString());
        return m;
    }

    /** Encodes one converted dataset; returns its counts. */
    static Map<String, Object> encode(String dataset, Path converted, Path tokenizerDir) throws IOException {
        String codec = CODECS.getOrDefault(dataset, "direct");
        EncodeConfig config = EncodeConfig.defaults().withCodec(codec).withTemplate("chatml")
                .withImageTokens(IMAGE_TOKENS);
        long encoded = 0;
        long unsupported = 0;
        long tooLong = 0;
        long tokens = 0;
        long lossTokens = 0;
        try (TraceEncoder encoder = TraceEncoder.open(config, tokenizerDir);
             TraceStream traces = Datasets.open(converted, ReadOptions.DEFAULT.withFormat("cota"))) {
            while (traces.hasNext()) {
                Trace t = traces.next();
                EncodeResult r;
                try {
                    r = encoder.encode(t);
                } catch (CodecException e) {
                    unsupported++;
                    continue;
                }
                if (r instanceof EncodedTrace e) {
                    encoded++;
                    tokens += e.sample().length();
                    lossTokens += e.sample().lossTokens();
                } else if (r instanceof DroppedTrace) {
                    tooLong++;
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("codec", codec);
        m.put("encoded", encoded);
        m.put("unsupported", unsupported);
        m.put("too_long", tooLong);
        m.put("tokens", tokens);
        m.put("loss_tokens", lossTokens);
        return m;
    }

    /** Prints one dataset's line of the encoding table. */
    static void print(PrintWriter con, String dataset, Map<String, Object> m) {
        con.printf("%-14s %-10s %8s %8s %10s %10s%n", dataset, m.get("codec"), m.get("encoded"), m.get("unsupported"),
                m.get("tokens"), m.get("loss_tokens"));
    }

    static void header(PrintWriter con) {
        con.printf("%-14s %-10s %8s %8s %10s %10s%n", "dataset", "codec", "encoded", "skipped", "tokens", "in loss");
    }
}
