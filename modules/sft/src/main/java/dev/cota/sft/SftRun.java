package dev.cota.sft;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import dev.cota.core.json.JsonValues;
import dev.cota.core.provenance.Provenance;
import dev.cota.core.trace.Trace;
import dev.cota.data.batch.BatchConfig;
import dev.cota.data.batch.Batcher;
import dev.cota.data.batch.TraceImages;
import dev.cota.data.encode.EncodeConfig;
import dev.cota.data.tokenizer.TokenizerFiles;
import dev.cota.data.tokenizer.PreTokenizer;
import dev.cota.data.tokenizer.TraceTokenizer;
import dev.cota.data.tokenizer.TrainingCorpus;
import dev.cota.model.lora.Lora;
import dev.cota.model.nn.Parameters;
import dev.cota.sft.checkpoint.CheckpointStore;
import dev.cota.sft.checkpoint.RunDirs;
import dev.cota.sft.checkpoint.RunWeights;
import dev.cota.sft.checkpoint.TrainState;
import dev.cota.sft.config.DataSource;
import dev.cota.sft.config.SftConfig;
import dev.cota.sft.config.TrainSection;
import dev.cota.sft.model.ModelLoader;
import dev.cota.sft.model.ImageInputs;
import dev.cota.sft.model.TrainableModel;
import dev.cota.sft.model.VlmModel;
import dev.cota.sft.optim.AdamW;
import dev.cota.sft.optim.ParamGroup;
import dev.cota.sft.optim.Schedule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code cota train sft}: one fine-tuning run in a run directory. The directory holds
 * {@code config.yaml} (the resolved config), {@code provenance.json}, {@code metrics.jsonl},
 * {@code checkpoints/step-<N>/} and, at the end, {@code final/} (a Hugging Face layout model with
 * its tokenizer; a LoRA run's adapter is merged into it and also kept under {@code final/adapter/}).
 * Running it again on the same directory continues from the newest complete checkpoint, with the
 * same batches, learning rates and random draws as an uninterrupted run.
 */
public final class SftRun {

    /** Applies the config's LoRA (seeded, so every replica gets the same adapter) and freezing; returns the adapter. */
    private static Lora adapt(TrainableModel model, SftConfig config) {
        TrainSection train = config.train();
        Parameters params = model.parameters();
        Lora lora = config.lora() == null ? null : Lora.apply(params, config.lora().toLoraConfig(), train.seed());
        for (String part : train.freeze()) {
            params.freeze(name -> model.part(name).equals(part));
        }
        return lora;
    }

    /** The resolved config of a run, beside its outputs. */
    public static final String CONFIG = RunDirs.CONFIG;

    private final Path configFile;
    private final List<String> overrides;
    private final Path out;
    private final PrintStream err;
    private StopRule stopAfter = (step, result) -> false;

    public SftRun(Path configFile, List<String> overrides, Path out, PrintStream err) {
        this.configFile = configFile;
        this.overrides = List.copyOf(overrides);
        this.out = out;
        this.err = err;
    }

    /** When a run stops early: after the step for which it holds (its checkpoint, if due, is saved first). */
    @FunctionalInterface
    public interface StopRule {
        boolean stop(int step, StepResult result);
    }

    /** Stops the run (as an interruption would) once a step for which {@code when} holds is done. */
    public SftRun stopAfter(StopRule when) {
        this.stopAfter = when;
        return this;
    }

    /**
     * Trains, or continues the run found in the directory, and returns the summary.
     *
     * @param requireResume with {@code --resume}: an error when the directory has no checkpoint
     */
    public Map<String, Object> run(boolean requireResume) throws IOException {
        SftConfig config = SftConfig.load(configFile, overrides);
        JsonNode tree = SftConfig.resolvedTree(configFile, overrides);
        TrainSection train = config.train();
        List<Device> devices = ReplicaDevices.of(train.device(), train.replicas());
        Device device = devices.get(0);
        CheckpointStore store = new CheckpointStore(out, train.keepLast());
        Optional<Path> latest = store.latest();
        RunDirs.check(out, tree, latest.isPresent(), requireResume);
        Files.createDirectories(out);
        AtomicOutput.write(out.resolve(CONFIG), Json.yaml().writeValueAsBytes(tree));

        Path tokenizer = tokenizer(config);
        try (NDManager base = NDManager.newBaseManager(device);
             TrainableModel model = ModelLoader.open(config.model(), tokenizer, base)) {
            ImageInputs vision = ImageInputs.of(config.model());
            EncodeConfig encode = vision == null ? config.encode() : vision.encode(config.encode());
            TraceImages images = vision == null ? null : vision.images();
            if (vision != null) {
                vision.attach(model);
            }
            SftData data = SftData.load(config.data(), encode, tokenizer, images);
            Batcher batcher = new Batcher(data.train(), config.batch());
            int total = train.maxSteps() != null ? train.maxSteps()
                    : (int) Math.ceil((double) train.epochs() * batcher.batchesPerEpoch() / train.gradAccum());
            Schedule schedule = Schedule.of(train.schedule(), train.warmupRatio(), total, train.minLrRatio());
            Provenance provenance = Provenance.capture("train sft", tree, data.dataHash(), train.seed());
            byte[] provenanceJson = (JsonValues.toJson(provenance.toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
            AtomicOutput.write(out.resolve("provenance.json"), provenanceJson);

            Parameters params = model.parameters();
            Lora lora = adapt(model, config);
            TrainState state = new TrainState(0, total, 0, 0, 0, train.seed(), data.dataHash(), provenance.configHash());
            if (latest.isPresent()) {
                state = RunWeights.restore(latest.get(), model, lora, total, data.dataHash());
            }
            params.attachGradients();
            TraceImages pixels = images;
            List<Lora> adapters = new ArrayList<>();
            if (lora != null) {
                adapters.add(lora);
            }
            try (Replicas replicas = new Replicas(model, devices, m -> {
                    TrainableModel copy = ModelLoader.open(config.model(), tokenizer, m);
                    Lora copyLora = adapt(copy, config);
                    if (copyLora != null) {
                        adapters.add(copyLora);
                    }
                    if (copy instanceof VlmModel v) {
                        v.pixels(pixels);
                    }
                    return copy;
                 });
                 AdamW optimizer = new AdamW(params, ParamGroup.byPart(model, train), train.beta1(), train.beta2(), train.eps(),
                    train.weightDecay())) {
                if (latest.isPresent()) {
                    optimizer.load(CheckpointStore.optimizer(latest.get()), state.step());
                }
                SftTrainer trainer = new SftTrainer(replicas, optimizer, batcher, schedule, train.gradAccum(),
                        train.maxGradNorm(), train.seed());
                Batcher eval = data.eval().isEmpty() ? null : new Batcher(data.eval(), evalBatches(config.batch()));
                Loop loop = new Loop(config, trainer, model, lora, adapters, optimizer, eval, store, provenanceJson, tokenizer);
                state = loop.run(state, total);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("out", out.toString());
            summary.put("steps", state.step());
            summary.put("total_steps", total);
            summary.put("stopped", state.step() < total);
            summary.put("train_samples", data.train().size());
            summary.put("eval_samples", data.eval().size());
            summary.put("parameters", params.count());
            summary.put("trainable_parameters", params.trainableCount());
            summary.put("num_tokens", state.numTokens());
            summary.put("replicas", devices.size());
            summary.put("data", data.counts());
            if (state.step() == total) {
                RunWeights.writeFinal(out, model, lora, tokenizer);
                summary.put("final", out.resolve("final").toString());
            }
            return summary;
        }
    }

    /** The step loop, with its logging, evaluation and checkpointing. */
    private final class Loop {
        private final SftConfig config;
        private final SftTrainer trainer;
        private final TrainableModel model;
        private final Lora lora;
        private final List<Lora> adapters;
        private final AdamW optimizer;
        private final Batcher eval;
        private final CheckpointStore store;
        private final byte[] provenanceJson;
        private final Path tokenizer;

        Loop(SftConfig config, SftTrainer trainer, TrainableModel model, Lora lora, List<Lora> adapters, AdamW optimizer,
             Batcher eval, CheckpointStore store, byte[] provenanceJson, Path tokenizer) {
            this.config = config;
            this.trainer = trainer;
            this.model = model;
            this.lora = lora;
            this.adapters = adapters;
            this.optimizer = optimizer;
            this.eval = eval;
            this.store = store;
            this.provenanceJson = provenanceJson;
            this.tokenizer = tokenizer;
        }

        TrainState run(TrainState state, int total) throws IOException {
            TrainSection train = config.train();
            try (MetricsLog metrics = MetricsLog.open(out.resolve("metrics.jsonl"), state.step());
                 Progress progress = new Progress(err, state.step(), total)) {
                if (state.step() > 0) {
                    progress.message("resuming " + out + " at step " + state.step() + " of " + total);
                }
                long tokens = state.numTokens();
                while (state.step() < total) {
                    int done = state.step();
                    train(true);
                    long start = System.nanoTime();
                    StepResult r = trainer.step(done);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    int step = done + 1;
                    tokens += r.tokens();
                    var next = trainer.positionAfter(step);
                    state = new TrainState(step, total, next.epoch(), next.index(), tokens, state.seed(),
                            state.dataHash(), state.configHash());
                    boolean logged = step % train.logEvery() == 0 || step == total;
                    if (logged) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("step", step);
                        line.put("epoch", trainer.epochsAfter(step));
                        line.put("loss", r.loss());
                        line.put("mean_token_accuracy", r.accuracy());
                        line.put("num_tokens", tokens);
                        line.put("num_loss_tokens", r.lossTokens());
                        line.put("grad_norm", r.gradNorm());
                        line.put("lr", r.lr());
                        line.put("tokens_per_s", r.tokens() / seconds);
                        line.put("step_time_s", seconds);
                        metrics.write(line);
                    }
                    progress.step(step, r, r.tokens() / seconds, logged);
                    boolean end = step == total;
                    if (eval != null && (end || (train.evalEvery() > 0 && step % train.evalEvery() == 0))) {
                        train(false);
                        double[] e = SftTrainer.evaluate(model, eval);
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("step", step);
                        line.put("eval_loss", e[0]);
                        line.put("eval_mean_token_accuracy", e[1]);
                        line.put("eval_num_loss_tokens", (long) e[2]);
                        metrics.write(line);
                        progress.message(String.format("step %d eval_loss %.4f", step, e[0]));
                    }
                    if (end || (train.saveEvery() > 0 && step % train.saveEvery() == 0)) {
                        save(state);
                    }
                    if (!end && stopAfter.stop(step, r)) {
                        break;
                    }
                }
            }
            train(false);
            return state;
        }

        /** Dropout on (training) or off (evaluation) in every replica's adapter. */
        private void train(boolean on) {
            adapters.forEach(a -> a.train(on));
        }

        private void save(TrainState state) throws IOException {
            store.save(state, dir -> {
                RunWeights.write(dir, model, lora, tokenizer);
                Files.copy(out.resolve(CONFIG), dir.resolve(CONFIG));
                Files.write(dir.resolve("provenance.json"), provenanceJson);
            }, optimizer.state());
        }
    }

    private Path tokenizer(SftConfig config) throws IOException {
        if (config.model().trainTokenizer() == null) {
            return Path.of(config.model().tokenizer() != null ? config.model().tokenizer() : config.model().path());
        }
        Path dir = out.resolve("tokenizer");
        if (!Files.isRegularFile(dir.resolve(TokenizerFiles.TOKENIZER_JSON))) {
            // Trained on the traces as this run renders them, the codec's and template's fixed text included.
            Map<Path, Function<Trace, String>> data = new LinkedHashMap<>();
            for (DataSource s : config.data().train()) {
                String codec = s.codec() != null ? s.codec() : config.encode().codec();
                data.put(Path.of(s.path()), TrainingCorpus.rendered(codec, config.encode().template()));
            }
            Path tmp = out.resolve("tokenizer.tmp");
            CheckpointStore.deleteTree(tmp);
            Files.createDirectories(tmp);
            TraceTokenizer.train(data, tmp, config.model().trainTokenizer(), config.encode().maxLength(),
                    PreTokenizer.BYTE_LEVEL);
            CheckpointStore.deleteTree(dir);
            Files.move(tmp, dir);
        }
        return dir;
    }

    private static BatchConfig evalBatches(BatchConfig c) {
        return new BatchConfig(c.batchSize(), c.maxLength(), c.packing(), c.padId(), 0, c.seed(), false);
    }
}
