package dev.cota.cli.quickstart;

import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.ModelBackends;
import dev.cota.bench.run.BenchRun;
import dev.cota.bench.run.RunSettings;
import dev.cota.bench.run.SuiteConfig;
import dev.cota.core.config.Configs;
import dev.cota.core.io.TraceWriter;
import dev.cota.core.trace.Trace;
import dev.cota.data.Datasets;
import dev.cota.data.ReadOptions;
import dev.cota.data.TraceStream;
import dev.cota.data.encode.ChatTemplates;
import dev.cota.data.pipeline.Variant;
import dev.cota.data.tokenizer.BpeVocab;
import dev.cota.data.tokenizer.TraceTokenizer;
import dev.cota.data.tokenizer.TrainingCorpus;
import dev.cota.dpo.iterate.IterativeDpo;
import dev.cota.model.Devices;
import dev.cota.sft.SftRun;
import dev.cota.sft.config.SftConfig;
import dev.cota.synth.copy.CopyCorpus;
import dev.cota.synth.program.ProgramConfig;
import dev.cota.synth.program.ProgramGenerator;
import dev.cota.synth.run.SynthRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The quickstart's stages, each the code path of one command: {@code cota synth} (then the train
 * split by {@code meta.variant}), {@code cota tokenizer train}, {@code cota train sft} and
 * {@code cota bench run}. Each returns its stage's summary.
 */
final class QuickstartStages {

    private QuickstartStages() {
    }

    /** {@code cota synth --generator program}, then {@code train-<variant>.jsonl} beside {@code traces.jsonl}. */
    static Map<String, Object> synth(Stage stage, ProgramConfig config, int threads, PrintStream err) throws IOException,
            InterruptedException {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("generator", "program");
        run.put("seed", config.seed());
        run.put("templates", config.templates());
        run.put("variants", config.variants());
        run.put("prompt", config.prompt());
        Map<String, Object> manifest = SynthRun.run(new ProgramGenerator(config), stage.dir(), threads, run, err);
        Map<String, Long> split = new LinkedHashMap<>();
        Path traces = stage.dir().resolve(SynthRun.TRACES);
        for (Variant v : List.of(Variant.COTA, Variant.DIRECT)) {
            try (TraceStream in = Datasets.open(traces, ReadOptions.DEFAULT.withFormat("cota"));
                 TraceWriter out = TraceWriter.open(trainFile(stage, v))) {
                while (in.hasNext()) {
                    Trace t = in.next();
                    if (Variant.of(t) == v) {
                        out.write(t);
                    }
                }
                out.commit();
                split.put(v.jsonName(), out.count());
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        for (String k : List.of("tasks", "kept", "dropped", "dropped_by_reason", "traces_by_split", "tool_calls")) {
            s.put(k, manifest.get(k));
        }
        s.put("train_by_variant", split);
        return s;
    }

    static Path trainFile(Stage synth, Variant v) {
        return synth.dir().resolve("train-" + v.jsonName() + ".jsonl");
    }

    /**
     * {@code cota tokenizer train --codec C --template T} on both variants' training traces, each
     * rendered as its SFT run will see it ({@code template}: the SFT recipe's chat template).
     */
    static Map<String, Object> tokenizer(Stage stage, Stage synth, QuickstartConfig c, String template)
            throws IOException {
        Map<Path, Function<Trace, String>> data = new LinkedHashMap<>();
        data.put(trainFile(synth, Variant.COTA), TrainingCorpus.rendered(c.sft().cotaCodec(), template));
        data.put(trainFile(synth, Variant.DIRECT), TrainingCorpus.rendered(c.sft().directCodec(), template));
        BpeVocab vocab = TraceTokenizer.train(data, stage.dir(), c.tokenizer().vocabSize(), 4096, c.tokenizer().split());
        return Map.of("vocab_size", vocab.size(), "merges", vocab.merges().size(),
                "pre_tokenizer", c.tokenizer().preTokenizer(), "template", template);
    }

    /** The chat template an SFT recipe renders with; {@code auto} (the tokenizer's own) is ChatML here. */
    static String template(Path baseConfig, List<String> overrides) throws IOException {
        String t = SftConfig.load(baseConfig, overrides).encode().template();
        return t == null || t.equals(ChatTemplates.AUTO) ? ChatTemplates.DEFAULT : t;
    }

    /** The pretrain stage's copy corpus, in its directory. */
    static Path copyFile(Stage pretrain) {
        return pretrain.dir().resolve("copy.jsonl");
    }

    /**
     * The copy corpus ({@link CopyCorpus}, its words those of the CoTA training questions), then
     * {@code cota train sft --config BASE --set ...} on it into the stage directory.
     */
    static Map<String, Object> pretrain(Stage stage, Stage synth, QuickstartConfig.Pretrain c, Path baseConfig,
                                        List<String> overrides, PrintStream err) throws IOException {
        List<String> questions = new ArrayList<>();
        try (TraceStream traces = Datasets.open(trainFile(synth, Variant.COTA), ReadOptions.DEFAULT.withCheckFiles(false))) {
            while (traces.hasNext()) {
                Object q = traces.next().meta().get("question");
                if (q instanceof String text) {
                    questions.add(text);
                }
            }
        }
        List<String> words = CopyCorpus.words(questions);
        Files.createDirectories(stage.dir());
        CopyCorpus.write(copyFile(stage), c.count(), c.seed(), words);
        Map<String, Object> s = new LinkedHashMap<>(sft(stage, baseConfig, overrides, err));
        s.put("copy_traces", c.count());
        s.put("copy_words", words.size());
        return s;
    }

    /**
     * What an SFT stage's output depends on besides its overrides: the base recipe's text and, for a
     * from-scratch model, the text of its preset ({@code model.init}), so editing either reruns the stage.
     */
    static List<String> recipe(Path baseConfig, List<String> overrides) throws IOException {
        List<String> out = new ArrayList<>();
        out.add(Files.readString(baseConfig));
        String init = SftConfig.load(baseConfig, overrides).model().init();
        if (init != null) {
            out.add(Files.readString(Path.of(init)));
        }
        return out;
    }

    /** {@code cota train sft --config BASE --set ...} into the stage directory (resumes by itself). */
    static Map<String, Object> sft(Stage stage, Path baseConfig, List<String> overrides, PrintStream err) throws IOException {
        Map<String, Object> summary = new SftRun(baseConfig, overrides, stage.dir(), err).run(false);
        if (!Boolean.FALSE.equals(summary.get("stopped"))) {
            throw new IllegalStateException("sft stopped before its last step: " + summary);
        }
        Map<String, Object> s = new LinkedHashMap<>(summary);
        s.remove("out");
        return s;
    }

    /**
     * {@code cota dpo iterate --config BASE --set ...} into the stage directory (resumes by round).
     *
     * @return the run's summary; {@code policy} is the last round's checkpoint
     */
    static Map<String, Object> dpo(Stage stage, Path baseConfig, List<String> overrides, PrintStream err) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>(new IterativeDpo(baseConfig, overrides, stage.dir(), err).run());
        summary.remove("out");
        return summary;
    }

    /** {@code cota bench run --config SUITE --model local:CKPT --runner R} into the stage directory (resumes by itself). */
    static Map<String, Object> bench(Stage stage, SuiteConfig suite, Path checkpoint, QuickstartConfig.Eval eval,
                                     Integer limit, PrintStream err) throws IOException {
        String spec = "local:" + checkpoint.toAbsolutePath();
        var device = Devices.resolve(eval.device());
        RunSettings settings = new RunSettings(spec, eval.maxTokens(), limit, device.toString(), eval.batchSize());
        Files.createDirectories(stage.dir());
        try (ModelBackend backend = ModelBackends.open(spec, "OPENAI_API_KEY", System::getenv, device)) {
            return new BenchRun(suite, settings, backend, null, line -> {
                err.println(line);
                err.flush();
            }).run(stage.dir());
        }
    }

    /** The synth recipe with the quickstart's count, seed and held-out fraction. */
    static ProgramConfig programConfig(Path file, QuickstartConfig.Synth s) {
        List<String> sets = new ArrayList<>();
        sets.add("count=" + s.count());
        sets.add("seed=" + s.seed());
        sets.add("heldout.fraction=" + s.heldoutFraction());
        sets.add("threads=" + s.threads());
        return Configs.load(file, ProgramConfig.class, sets);
    }
}
