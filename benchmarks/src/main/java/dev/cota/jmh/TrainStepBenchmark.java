package dev.cota.jmh;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.cota.data.batch.BatchConfig;
import dev.cota.data.batch.Batcher;
import dev.cota.data.encode.EncodedSample;
import dev.cota.model.config.DecoderConfig;
import dev.cota.model.config.ModelPresets;
import dev.cota.model.lm.DecoderLM;
import dev.cota.model.nn.Parameters;
import dev.cota.sft.SftTrainer;
import dev.cota.sft.StepResult;
import dev.cota.sft.model.LmModel;
import dev.cota.sft.optim.AdamW;
import dev.cota.sft.optim.ParamGroup;
import dev.cota.sft.optim.Schedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Model FLOP utilization of the real fine-tuning step ({@link SftTrainer#step}: forward, masked
 * loss, backward, global-norm clip, AdamW) on a d_model=512, 8-layer Qwen2-style decoder at sequence
 * length 512, float32 on CPU, against DJL's float32 matmul in the same process. {@code trainStep}
 * is one optimizer step on {@value #ROWS} x {@value #LENGTH} tokens; {@code matmul1024} is one
 * 1024 x 1024 x 1024 matmul (2 x 1024^3 FLOP), the roofline. MFU = (model FLOP per step / step
 * time) / (matmul FLOP / matmul time), with model FLOP per token = 6 x (matmul weights, head
 * included) + 12 x layers x d_model x length (attention scores and values, forward and backward),
 * as in the PaLM paper's appendix B ({@link #flopsPerStep}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Dai.djl.offline=true"})
public class TrainStepBenchmark {

    static final int ROWS = 2;
    static final int LENGTH = 512;

    NDManager manager;
    DecoderLM model;
    AdamW optimizer;
    SftTrainer trainer;
    int steps;
    NDArray a;
    NDArray b;

    /** The benchmark's decoder: d_model 512, 8 layers, 8 heads (head_dim 64), 4 kv heads, SwiGLU 1536, vocab 4096. */
    static DecoderConfig config() {
        try {
            Path p = Files.createTempFile("mfu", ".yaml");
            Files.writeString(p, """
                    model_type: qwen2
                    vocab_size: 4096
                    hidden_size: 512
                    intermediate_size: 1536
                    num_hidden_layers: 8
                    num_attention_heads: 8
                    num_key_value_heads: 4
                    max_position_embeddings: 2048
                    rope_theta: 10000.0
                    rms_norm_eps: 1.0e-6
                    tie_word_embeddings: true
                    """);
            DecoderConfig c = (DecoderConfig) ModelPresets.load(p, List.of());
            Files.delete(p);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Model FLOP of one step over {@code rows x length} tokens, as the class comment defines it. */
    static double flopsPerStep(DecoderConfig c, int rows, int length) {
        long d = c.hiddenSize();
        long kv = (long) c.numKeyValueHeads() * c.headDim();
        long perLayer = d * d * 2 + d * kv * 2 + 3L * d * c.intermediateSize();   // q, o; k, v; gate, up, down
        long matmulWeights = perLayer * c.numHiddenLayers() + (long) c.vocabSize() * d;   // + lm_head (tied)
        double perToken = 6.0 * matmulWeights + 12.0 * c.numHiddenLayers() * d * length;
        return perToken * rows * length;
    }

    @Setup(Level.Trial)
    public void setUp() {
        DecoderConfig config = config();
        manager = NDManager.newBaseManager();
        model = DecoderLM.init(config, 1, manager);
        Parameters params = model.parameters();
        params.attachGradients();
        Random r = new Random(3);
        List<EncodedSample> samples = new ArrayList<>();
        for (int s = 0; s < 64; s++) {
            int[] ids = new int[LENGTH];
            int[] mask = new int[LENGTH];
            for (int i = 0; i < LENGTH; i++) {
                ids[i] = r.nextInt(config.vocabSize());
            }
            Arrays.fill(mask, LENGTH / 4, LENGTH, 1);
            samples.add(new EncodedSample("s" + s, ids, mask, List.of()));
        }
        Batcher batcher = new Batcher(samples, new BatchConfig(ROWS, LENGTH, false, 0, 0, 0L, false));
        optimizer = new AdamW(params, List.of(new ParamGroup("llm", 1e-4, params.trainable())), 0.9, 0.999, 1e-8, 0.0);
        trainer = new SftTrainer(new LmModel(model), optimizer, batcher, Schedule.of(Schedule.Kind.CONSTANT, 0, 1_000_000, 0),
                1, 1.0, 0);
        a = manager.randomNormal(new Shape(1024, 1024), DataType.FLOAT32);
        b = manager.randomNormal(new Shape(1024, 1024), DataType.FLOAT32);
        System.out.printf("%nTrainStepBenchmark: %d parameters, %.3e model FLOP per step (%d x %d tokens)%n",
                params.count(), flopsPerStep(config, ROWS, LENGTH), ROWS, LENGTH);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        optimizer.close();
        model.close();
        manager.close();
    }

    @Benchmark
    public StepResult trainStep() {
        return trainer.step(steps++);
    }

    @Benchmark
    public float matmul1024() {
        try (NDArray c = a.matMul(b)) {
            return c.getFloat(0, 0);
        }
    }
}
