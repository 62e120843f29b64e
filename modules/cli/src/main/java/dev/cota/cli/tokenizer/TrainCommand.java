package dev.cota.cli.tokenizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cota.core.CotaException;
import dev.cota.core.json.Json;
import dev.cota.core.trace.Trace;
import dev.cota.data.pipeline.TraceText;
import dev.cota.data.tokenizer.BpeOptions;
import dev.cota.data.tokenizer.BpeTrainer;
import dev.cota.data.tokenizer.BpeVocab;
import dev.cota.data.tokenizer.TokenizerFiles;
import dev.cota.data.tokenizer.TrainingCorpus;
import dev.cota.data.tokenizer.PreTokenizer;
import dev.cota.data.tokenizer.WordCounts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cota tokenizer train}: learns a GPT-2-style byte-level BPE from text files or trace data
 * and writes {@code tokenizer.json} + {@code tokenizer_config.json} (Hugging Face layout) to
 * {@code --out}; prints one JSON line with what it made.
 */
@Command(name = "train", description = "Train a byte-level BPE tokenizer and write tokenizer.json + tokenizer_config.json.")
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Text files, trace files (.jsonl, .json, .parquet) or trace directories.")
    List<Path> inputs;

    @Option(names = "--input-kind", defaultValue = "auto", paramLabel = "KIND",
            description = "How inputs are read: auto (traces for trace containers and directories, else text), "
                    + "text (a file is one document), lines (a line is one document), traces. "
                    + "Default: ${DEFAULT-VALUE}.")
    String inputKind;

    @Option(names = "--vocab-size", required = true, paramLabel = "N",
            description = "Ids in all: 256 bytes + learned merges + special tokens.")
    int vocabSize;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory the files are written to.")
    Path out;

    @Option(names = "--special-tokens", split = ",", paramLabel = "TOKEN",
            defaultValue = "<|endoftext|>,<|im_start|>,<|im_end|>,<image>,<pad>",
            description = "Special tokens, in id order after the learned vocabulary. Default: ${DEFAULT-VALUE}.")
    List<String> specialTokens;

    @Option(names = "--min-frequency", defaultValue = "2", paramLabel = "N",
            description = "Merge a pair only when it occurs at least this often. Default: ${DEFAULT-VALUE}.")
    int minFrequency;

    @Option(names = "--pre-tokenizer", defaultValue = "byte-level", paramLabel = "NAME",
            description = "How text is cut before merges: byte-level (GPT-2's split), escapes (the \\\\n of printed"
                    + " observations its own piece, then byte-level), digits (escapes, then every digit its own token),"
                    + " numbers (escapes, then a number with its leading space and decimals one piece, as GPT-4's"
                    + " and Llama 3's splits keep values together). Default: ${DEFAULT-VALUE}.")
    String preTokenizer;

    @Option(names = "--codec", paramLabel = "C",
            description = "Train on trace inputs as the model will see them: rendered by this codec (taco-json,"
                    + " react-code, insight-v, direct) and --template, the fixed text of both included. Default: each"
                    + " trace's plain message text.")
    String codec;

    @Option(names = "--template", paramLabel = "T",
            description = "The chat template of --codec's rendering: chatml, qwen2, llama3 or plain (auto: chatml)."
                    + " Default: chatml.")
    String template;

    @Option(names = "--model-max-length", defaultValue = "4096", paramLabel = "N",
            description = "model_max_length written to tokenizer_config.json. Default: ${DEFAULT-VALUE}.")
    int modelMaxLength;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        TrainingCorpus.Kind kind = kind();
        BpeOptions options;
        PreTokenizer split;
        try {
            options = new BpeOptions(vocabSize, minFrequency, specialTokens);
            split = PreTokenizer.of(preTokenizer);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (modelMaxLength < 1) {
            throw new ParameterException(spec.commandLine(), "model-max-length must be positive, got " + modelMaxLength);
        }
        Function<Trace, String> text = text();
        WordCounts counts = new WordCounts(options.specialTokens(), split);
        for (Path input : inputs) {
            TrainingCorpus.add(input, kind, counts, text);
        }
        BpeVocab vocab = new BpeTrainer(options).train(counts);
        TokenizerFiles.write(out, vocab, modelMaxLength);
        spec.commandLine().getOut().println(summary(vocab, counts, (System.nanoTime() - start) / 1e9));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** A trace's training text: rendered by --codec and --template when --codec is given, else its plain text. */
    private Function<Trace, String> text() {
        if (codec == null) {
            if (template != null) {
                throw new ParameterException(spec.commandLine(), "--template renders with --codec: give both");
            }
            return TraceText::of;
        }
        try {
            return TrainingCorpus.rendered(codec, template);
        } catch (CotaException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private TrainingCorpus.Kind kind() {
        for (TrainingCorpus.Kind k : TrainingCorpus.Kind.values()) {
            if (k.name().equalsIgnoreCase(inputKind)) {
                return k;
            }
        }
        throw new ParameterException(spec.commandLine(),
                "unknown --input-kind " + inputKind + " (known: auto, text, lines, traces)");
    }

    private String summary(BpeVocab vocab, WordCounts counts, double seconds) throws JsonProcessingException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("vocab_size", vocab.size());
        s.put("merges", vocab.merges().size());
        s.put("special_tokens", new ArrayList<>(vocab.specialTokens()));
        s.put("pre_tokenizer", vocab.preTokenizer().key());
        s.put("documents", counts.documents());
        s.put("distinct_words", counts.distinct());
        s.put("out", out.toString());
        s.put("seconds", Math.round(seconds * 1000) / 1000.0);
        return Json.mapper().writeValueAsString(s);
    }
}
