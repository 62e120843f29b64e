package dev.cota.sft;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.cota.model.nn.Parameters;
import dev.cota.sft.model.TrainableModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Data-parallel copies of the model, one per device (PyTorch's {@code DistributedDataParallel} on
 * one machine, without the processes): replica 0 is the model the optimizer updates; the others
 * hold copies of its weights. Each step's micro-batches are dealt round-robin to the replicas,
 * every replica's backward pass is finished, their gradients are summed into replica 0 (a join
 * DJL's parallel executor path lacks), the optimizer updates replica 0, and its weights are copied
 * back to the others. The loss of every micro-batch is divided by the scored tokens of the whole
 * global batch, so the summed gradient is the single-device gradient of the same global batch.
 */
public final class Replicas implements AutoCloseable {

    /** Builds a fresh model of the same architecture (LoRA and freezing applied) on a manager. */
    @FunctionalInterface
    public interface Factory {
        TrainableModel build(NDManager manager) throws java.io.IOException;
    }

    private final List<TrainableModel> models = new ArrayList<>();
    private final List<NDManager> managers = new ArrayList<>();
    private final List<String> trainable;

    /**
     * Replicas of {@code main} on {@code devices} (the first is {@code main}'s own device, the
     * others get a model from {@code factory} with {@code main}'s weights).
     */
    public Replicas(TrainableModel main, List<Device> devices, Factory factory) throws java.io.IOException {
        models.add(main);
        trainable = main.parameters().trainable();
        for (int i = 1; i < devices.size(); i++) {
            NDManager m = NDManager.newBaseManager(devices.get(i));
            managers.add(m);
            TrainableModel replica = factory.build(m);
            if (!replica.parameters().trainable().equals(trainable)) {
                throw new IllegalStateException("replica " + i + " has other trainable weights than the model");
            }
            models.add(replica);
            copyAll(main.parameters(), replica.parameters());
            replica.parameters().attachGradients();
        }
    }

    /** One replica: the model alone. */
    public static Replicas single(TrainableModel main) {
        try {
            return new Replicas(main, List.of(main.parameters().manager().getDevice()), m -> {
                throw new IllegalStateException();
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int size() {
        return models.size();
    }

    /** The replica that runs micro-batch {@code i} of a step. */
    public TrainableModel forMicroBatch(int i) {
        return models.get(i % models.size());
    }

    public TrainableModel main() {
        return models.get(0);
    }

    /** Adds every replica's gradients into replica 0's and zeroes them on the replicas. */
    public void reduceGradients() {
        Parameters main = main().parameters();
        Device to = main.manager().getDevice();
        for (int r = 1; r < models.size(); r++) {
            Parameters p = models.get(r).parameters();
            for (String name : trainable) {
                try (NDManager scratch = main.manager().newSubManager()) {
                    NDArray g = p.get(name).getGradient();
                    g.attach(scratch);
                    NDArray moved = g.toDevice(to, true);
                    moved.attach(scratch);
                    NDArray target = main.get(name).getGradient();
                    target.attach(scratch);
                    target.addi(moved);
                    g.subi(g);
                }
            }
        }
    }

    /** Copies replica 0's trainable weights to the other replicas (after an update). */
    public void broadcastWeights() {
        for (int r = 1; r < models.size(); r++) {
            Parameters p = models.get(r).parameters();
            for (String name : trainable) {
                copy(main().parameters().get(name), p.get(name));
            }
        }
    }

    private static void copyAll(Parameters from, Parameters to) {
        for (String name : from.arrays().keySet()) {
            copy(from.get(name), to.get(name));
        }
    }

    private static void copy(NDArray from, NDArray to) {
        try (NDArray moved = from.toDevice(to.getDevice(), true)) {
            to.muli(0).addi(moved);
        }
    }

    @Override
    public void close() {
        for (int i = 1; i < models.size(); i++) {
            models.get(i).close();
        }
        managers.forEach(NDManager::close);
    }
}
