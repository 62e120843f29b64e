package dev.cota.dpo;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.config.ConfigException;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.io.TraceWriter;
import dev.cota.core.json.Json;
import dev.cota.core.json.JsonValues;
import dev.cota.core.provenance.Provenance;
import dev.cota.data.batch.Batcher;
import dev.cota.data.encode.EncodedSample;
import dev.cota.data.tokenizer.TokenizerFiles;
import dev.cota.data.tokenizer.TraceTokenizer;
import dev.cota.dpo.config.DpoConfig;
import dev.cota.dpo.data.DpoData;
import dev.cota.dpo.data.EncodedPair;
import dev.cota.dpo.data.PreferencePair;
import dev.cota.dpo.reference.ReferenceCache;
import dev.cota.dpo.reference.ReferenceLogps;
import dev.cota.model.Devices;
import dev.cota.model.lora.Lora;
import dev.cota.model.nn.Parameters;
import dev.cota.sft.checkpoint.CheckpointStore;
import dev.cota.sft.checkpoint.RunDirs;
import dev.cota.sft.checkpoint.RunWeights;
import dev.cota.sft.checkpoint.TrainState;
import dev.cota.sft.config.ModelSection;
import dev.cota.sft.config.TrainSection;
import dev.cota.sft.model.ImageInputs;
import dev.cota.sft.model.ModelLoader;
import dev.cota.sft.model.TrainableModel;
import dev.cota.sft.optim.AdamW;
import dev.cota.sft.optim.ParamGroup;
import dev.cota.sft.optim.Schedule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cota train dpo}: one preference-tuning run, in the run-directory layout of
 * {@code cota train sft} ({@code config.yaml}, {@code provenance.json}, {@code metrics.jsonl} with
 * TRL's DPO metrics, {@code checkpoints/step-<N>/}, {@code final/}). The reference log-probs are
 * computed first, in a pass of their own with the reference loaded alone, and cached
 * ({@link ReferenceCache}); when the cache holds them the reference is never loaded. Running it
 * again on the same directory continues from the newest complete checkpoint.
 */
public final class DpoRun {

    /** The resolved config of a run, beside its outputs. */
    public static final String CONFIG = RunDirs.CONFIG;

    private final Path configFile;
    private final List<String> overrides;
    private final Path out;
    private final PrintStream err;

    public DpoRun(Path configFile, List<String> overrides, Path out, PrintStream err) {
        this.configFile = configFile;
        this.overrides = List.copyOf(overrides);
        this.out = out;
        this.err = err;
    }

    /**
     * Trains, or continues the run found in the directory, and returns the summary.
     *
     * @param requireResume with {@code --resume}: an error when the directory has no checkpoint
     */
    public Map<String, Object> run(boolean requireResume) throws IOException {
        DpoConfig config = DpoConfig.load(configFile, overrides);
        JsonNode tree = DpoConfig.resolvedTree(configFile, overrides);
        TrainSection train = config.train();
        CheckpointStore store = new CheckpointStore(out, train.keepLast());
        Optional<Path> latest = store.latest();
        RunDirs.check(out, tree, latest.isPresent(), requireResume);
        Files.createDirectories(out);
        AtomicOutput.write(out.resolve(CONFIG), Json.yaml().writeValueAsBytes(tree));

        DpoData.Read read = DpoData.read(config.data().train(), config.encode());
        Path tokenizer = tokenizer(config, read);
        int vocab = TokenizerFiles.vocabSize(tokenizer);
        ImageInputs vision = ImageInputs.of(config.model());
        DpoData data = vision == null ? DpoData.encode(read, config.encode(), tokenizer)
                : DpoData.encode(read, vision.encode(config.encode()), tokenizer, vision.images());
        List<EncodedPair> pairs = data.pairs();
        List<EncodedSample> chosen = pairs.stream().map(EncodedPair::chosen).toList();
        for (EncodedPair p : pairs) {
            if (p.rejected().length() > config.batch().maxLength()) {
                throw new ConfigException("pair " + p.id() + ": the rejected side has " + p.rejected().length()
                        + " tokens, more than batch.max-length " + config.batch().maxLength());
            }
        }
        Batcher batcher = new Batcher(chosen, config.batch());
        Map<String, Object> referenceInfo = new LinkedHashMap<>();
        ReferenceLogps reference = reference(config, tokenizer, vocab, data, referenceInfo, vision);

        int total = train.maxSteps() != null ? train.maxSteps()
                : (int) Math.ceil((double) train.epochs() * batcher.batchesPerEpoch() / train.gradAccum());
        Schedule schedule = Schedule.of(train.schedule(), train.warmupRatio(), total, train.minLrRatio());
        Provenance provenance = Provenance.capture("train dpo", tree, data.dataHash(), train.seed());
        byte[] provenanceJson = (JsonValues.toJson(provenance.toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicOutput.write(out.resolve("provenance.json"), provenanceJson);

        try (NDManager base = NDManager.newBaseManager(Devices.resolve(train.device()));
             TrainableModel model = ModelLoader.open(config.model(), tokenizer, base)) {
            if (vision != null) {
                vision.attach(model);
            }
            Parameters params = model.parameters();
            Lora lora = config.lora() == null ? null : Lora.apply(params, config.lora().toLoraConfig(), train.seed());
            for (String part : train.freeze()) {
                params.freeze(name -> model.part(name).equals(part));
            }
            TrainState state = new TrainState(0, total, 0, 0, 0, train.seed(), data.dataHash(), provenance.configHash());
            if (latest.isPresent()) {
                state = RunWeights.restore(latest.get(), model, lora, total, data.dataHash());
            }
            params.attachGradients();
            try (AdamW optimizer = new AdamW(params, ParamGroup.byPart(model, train), train.beta1(), train.beta2(), train.eps(),
                    train.weightDecay())) {
                if (latest.isPresent()) {
                    optimizer.load(CheckpointStore.optimizer(latest.get()), state.step());
                }
                DpoTrainer trainer = new DpoTrainer(model, optimizer, batcher, pairs, reference, config.dpo().toLoss(),
                        config.dpo().sftWeight(), schedule, train.gradAccum(), train.maxGradNorm(), train.seed());
                DpoLoop loop = new DpoLoop(out, err, config, trainer, model, lora, optimizer, store, provenanceJson,
                        tokenizer);
                state = loop.run(state, total);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("out", out.toString());
            summary.put("steps", state.step());
            summary.put("total_steps", total);
            summary.put("pairs", pairs.size());
            summary.put("parameters", params.count());
            summary.put("trainable_parameters", params.trainableCount());
            summary.put("num_tokens", state.numTokens());
            summary.put("data", data.counts());
            summary.put("reference", referenceInfo);
            if (state.step() == total) {
                RunWeights.writeFinal(out, model, lora, tokenizer);
                summary.put("final", out.resolve("final").toString());
            }
            return summary;
        }
    }

    /** The reference log-probs: from the cache, else computed with the reference loaded alone (then cached). */
    private ReferenceLogps reference(DpoConfig config, Path tokenizer, int vocab, DpoData data,
                                     Map<String, Object> info, ImageInputs vision) throws IOException {
        ModelSection section = referenceModel(config, tokenizer);
        String hash = section.path() != null ? ReferenceCache.checkpointHash(Path.of(section.path()))
                : ReferenceCache.presetHash(Path.of(section.init()), section.seed(), vocab);
        Path dir = config.dpo().referenceCache() != null ? Path.of(config.dpo().referenceCache())
                : out.resolve("reference-cache");
        ReferenceCache cache = new ReferenceCache(dir);
        info.put("hash", hash);
        info.put("file", cache.file(data.dataHash(), hash).toString());
        Optional<ReferenceLogps> cached = cache.load(data.dataHash(), hash, data.pairs().size());
        if (cached.isPresent()) {
            info.put("cache", "hit");
            return cached.get();
        }
        err.println("computing reference log-probs of " + data.pairs().size() + " pairs");
        ReferenceLogps computed;
        try (NDManager m = NDManager.newBaseManager(Devices.resolve(config.train().device()));
             TrainableModel ref = ModelLoader.open(section, tokenizer, m)) {
            if (vision != null) {
                vision.attach(ref);
            }
            computed = ReferenceCache.compute(ref, data.pairs(), config.batch().batchSize(), config.batch().padId(),
                    data.dataHash(), hash);
        }
        cache.save(computed);
        info.put("cache", "computed");
        return computed;
    }

    private static ModelSection referenceModel(DpoConfig config, Path tokenizer) {
        if (config.reference() == null) {
            ModelSection m = config.model();
            return new ModelSection(m.path(), m.init(), m.init() != null ? tokenizer.toString() : m.tokenizer(), null,
                    m.seed());
        }
        var r = config.reference();
        return new ModelSection(r.path(), r.init(), r.init() != null ? tokenizer.toString() : null, null, r.seed());
    }

    /** The tokenizer directory; for {@code model.train-tokenizer}, trained once on both sides of every pair. */
    private Path tokenizer(DpoConfig config, DpoData.Read read) throws IOException {
        ModelSection m = config.model();
        if (m.trainTokenizer() == null) {
            return Path.of(m.tokenizer() != null ? m.tokenizer() : m.path());
        }
        Path dir = out.resolve("tokenizer");
        if (!Files.isRegularFile(dir.resolve(TokenizerFiles.TOKENIZER_JSON))) {
            Path corpus = out.resolve("tokenizer-corpus.jsonl");
            try (TraceWriter w = TraceWriter.open(corpus)) {
                for (List<PreferencePair> source : read.pairs()) {
                    for (PreferencePair p : source) {
                        w.write(p.chosen().withImages(List.of()));
                        w.write(p.rejected().withImages(List.of()));
                    }
                }
                w.commit();
            }
            Path tmp = out.resolve("tokenizer.tmp");
            CheckpointStore.deleteTree(tmp);
            Files.createDirectories(tmp);
            TraceTokenizer.train(List.of(corpus), tmp, m.trainTokenizer(), config.encode().maxLength());
            CheckpointStore.deleteTree(dir);
            Files.move(tmp, dir);
            Files.delete(corpus);
        }
        return dir;
    }

}
