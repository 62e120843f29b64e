package dev.cota.sft;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.cota.core.CotaException;
import dev.cota.model.Devices;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices of a run's data-parallel replicas, from {@code train.device} and {@code train.replicas}:
 * {@code gpu} (and {@code auto} on a GPU machine) train on every GPU the engine sees, {@code gpu:N}
 * on that one, {@code cpu} on the CPU; {@code replicas} overrides the count (GPUs 0..n-1, or n
 * copies on the CPU).
 */
public final class ReplicaDevices {

    private ReplicaDevices() {
    }

    /** The devices, the first being the one the optimizer's weights live on. */
    public static List<Device> of(String device, Integer replicas) {
        Device first = Devices.resolve(device);
        String spec = device == null ? "auto" : device.strip().toLowerCase(java.util.Locale.ROOT);
        boolean all = spec.equals("gpu") || spec.equals("cuda") || spec.equals("auto");
        int gpus = Engine.getInstance().getGpuCount();
        int n = replicas != null ? replicas : first.isGpu() && all ? gpus : 1;
        List<Device> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (first.isGpu()) {
                int index = all ? i : first.getDeviceId() + i;
                if (index >= gpus) {
                    throw new CotaException("train.replicas " + n + " on " + device + " needs GPU " + index
                            + ", but the engine sees " + gpus);
                }
                out.add(Device.gpu(index));
            } else {
                out.add(Device.cpu());
            }
        }
        return out;
    }
}
