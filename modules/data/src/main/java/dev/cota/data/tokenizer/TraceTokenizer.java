package dev.cota.data.tokenizer;

import dev.cota.core.trace.Trace;
import dev.cota.data.pipeline.TraceText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Trains a byte-level BPE tokenizer on trace datasets (their rendered text, with cota's default
 * special tokens) and writes it as {@code tokenizer.json} + {@code tokenizer_config.json}: what a
 * from-scratch model is trained with.
 */
public final class TraceTokenizer {

    private TraceTokenizer() {
    }

    /**
     * Trains on {@code data} (trace files or directories of any format) and writes into {@code dir}.
     *
     * @param vocabSize the vocabulary size, bytes and special tokens included
     * @param modelMaxLength {@code model_max_length} written to the tokenizer config
     * @return the trained vocabulary
     */
    public static BpeVocab train(List<Path> data, Path dir, int vocabSize, int modelMaxLength) throws IOException {
        return train(data, dir, vocabSize, modelMaxLength, PreTokenizer.BYTE_LEVEL);
    }

    /** As {@link #train(List, Path, int, int)}, with text cut into pieces by {@code preTokenizer}. */
    public static BpeVocab train(List<Path> data, Path dir, int vocabSize, int modelMaxLength, PreTokenizer preTokenizer)
            throws IOException {
        Map<Path, Function<Trace, String>> plain = new LinkedHashMap<>();
        data.forEach(p -> plain.put(p, TraceText::of));
        return train(plain, dir, vocabSize, modelMaxLength, preTokenizer);
    }

    /**
     * As {@link #train(List, Path, int, int, PreTokenizer)}, each file's traces read as the text its
     * function gives (e.g. {@link TrainingCorpus#rendered}: what the model will be trained on).
     */
    public static BpeVocab train(Map<Path, Function<Trace, String>> data, Path dir, int vocabSize, int modelMaxLength,
                                 PreTokenizer preTokenizer) throws IOException {
        WordCounts counts = new WordCounts(BpeOptions.DEFAULT_SPECIAL_TOKENS, preTokenizer);
        for (Map.Entry<Path, Function<Trace, String>> e : data.entrySet()) {
            TrainingCorpus.add(e.getKey(), TrainingCorpus.Kind.TRACES, counts, e.getValue());
        }
        BpeVocab vocab = new BpeTrainer(new BpeOptions(vocabSize, 2, BpeOptions.DEFAULT_SPECIAL_TOKENS)).train(counts);
        TokenizerFiles.write(dir, vocab, modelMaxLength);
        return vocab;
    }
}
