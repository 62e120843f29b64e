package dev.cota.dpo;

import dev.cota.dpo.config.DpoConfig;
import dev.cota.model.lora.Lora;
import dev.cota.sft.MetricsLog;
import dev.cota.sft.checkpoint.CheckpointStore;
import dev.cota.sft.checkpoint.RunWeights;
import dev.cota.sft.checkpoint.TrainState;
import dev.cota.sft.config.TrainSection;
import dev.cota.sft.model.TrainableModel;
import dev.cota.sft.optim.AdamW;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The step loop of a DPO run with its logging ({@code metrics.jsonl}, one line per logged step
 * with TRL's metric names) and checkpointing (SFT's {@link CheckpointStore}: weights or adapter,
 * AdamW moments, trainer state), and the restore and final-model writing around it.
 */
final class DpoLoop {

    private final Path out;
    private final PrintStream err;
    private final DpoConfig config;
    private final DpoTrainer trainer;
    private final TrainableModel model;
    private final Lora lora;
    private final AdamW optimizer;
    private final CheckpointStore store;
    private final byte[] provenanceJson;
    private final Path tokenizer;

    DpoLoop(Path out, PrintStream err, DpoConfig config, DpoTrainer trainer, TrainableModel model, Lora lora,
            AdamW optimizer, CheckpointStore store, byte[] provenanceJson, Path tokenizer) {
        this.out = out;
        this.err = err;
        this.config = config;
        this.trainer = trainer;
        this.model = model;
        this.lora = lora;
        this.optimizer = optimizer;
        this.store = store;
        this.provenanceJson = provenanceJson;
        this.tokenizer = tokenizer;
    }

    TrainState run(TrainState state, int total) throws IOException {
        TrainSection train = config.train();
        boolean nll = config.dpo().sftWeight() > 0;
        try (MetricsLog metrics = MetricsLog.open(out.resolve("metrics.jsonl"), state.step())) {
            if (state.step() > 0) {
                err.println("resuming " + out + " at step " + state.step() + " of " + total);
            }
            long tokens = state.numTokens();
            while (state.step() < total) {
                int done = state.step();
                train(true);
                long start = System.nanoTime();
                DpoStepResult r = trainer.step(done);
                double seconds = (System.nanoTime() - start) / 1e9;
                int step = done + 1;
                tokens += r.tokens();
                var next = trainer.positionAfter(step);
                state = new TrainState(step, total, next.epoch(), next.index(), tokens, state.seed(), state.dataHash(),
                        state.configHash());
                if (step % train.logEvery() == 0 || step == total) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("step", step);
                    line.put("epoch", trainer.epochsAfter(step));
                    line.putAll(r.metrics(nll));
                    line.put("num_tokens", tokens);
                    line.put("tokens_per_s", r.tokens() / seconds);
                    line.put("step_time_s", seconds);
                    metrics.write(line);
                    err.printf("step %d/%d loss %.4f margin %.4f acc %.2f lr %.3g%n", step, total, r.loss(), r.margin() + 0.0,
                            r.accuracy(), r.lr());
                }
                if (step == total || (train.saveEvery() > 0 && step % train.saveEvery() == 0)) {
                    save(state);
                }
            }
        }
        train(false);
        return state;
    }

    private void train(boolean on) {
        if (lora != null) {
            lora.train(on);
        }
    }

    private void save(TrainState state) throws IOException {
        store.save(state, dir -> {
            RunWeights.write(dir, model, lora, tokenizer);
            Files.copy(out.resolve(DpoRun.CONFIG), dir.resolve(DpoRun.CONFIG));
            Files.write(dir.resolve("provenance.json"), provenanceJson);
        }, optimizer.state());
    }
}
