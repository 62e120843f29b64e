package dev.cota.sft.checkpoint;

import ai.djl.ndarray.NDArray;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import dev.cota.model.safetensors.DjlTensors;
import dev.cota.model.safetensors.Dtype;
import dev.cota.model.safetensors.SafetensorsFile;
import dev.cota.model.safetensors.SafetensorsWriter;
import dev.cota.model.safetensors.TensorView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoints of a run: {@code RUN/checkpoints/step-<N>/}, each written whole into a
 * temporary directory and renamed, so a process killed mid-save leaves the previous checkpoints
 * as they were and the half-written one under a name no reader takes. A checkpoint holds the
 * weights ({@code model/} in the Hugging Face layout, or {@code adapter/} in PEFT's),
 * {@code optimizer.safetensors} (the AdamW moments), {@code trainer_state.json}
 * ({@link TrainState}) and whatever else the caller writes into it (config, provenance).
 */
public final class CheckpointStore {

    /** The file with the optimizer's moments. */
    public static final String OPTIMIZER = "optimizer.safetensors";
    /** The file with the trainer state; written last, so its presence marks a complete checkpoint. */
    public static final String STATE = "trainer_state.json";

    private static final Pattern NAME = Pattern.compile("step-(\\d+)");
    private static final String TMP = ".tmp-";

    /**
     * Fault injection for the crash test: with {@code -Dcota.sft.haltInSave=N} the JVM halts (as
     * SIGKILL would: no finally blocks, no shutdown hooks) in the middle of writing the checkpoint
     * of step {@code N}, after the weights and before the trainer state.
     */
    static final String HALT_PROPERTY = "cota.sft.haltInSave";

    private final Path dir;
    private final int keepLast;

    public CheckpointStore(Path runDir, int keepLast) {
        this.dir = runDir.resolve("checkpoints");
        this.keepLast = keepLast;
    }

    public Path dir() {
        return dir;
    }

    /** Writes what a checkpoint's content needs into a directory. */
    @FunctionalInterface
    public interface Content {
        void write(Path dir) throws IOException;
    }

    /**
     * Saves the checkpoint of {@code state.step()}: {@code content} (weights and extra files), the
     * optimizer moments, then the state; renames the directory into place and deletes all but the
     * last {@code keepLast} checkpoints.
     */
    public Path save(TrainState state, Content content, Map<String, NDArray> optimizer) throws IOException {
        Files.createDirectories(dir);
        String name = "step-" + state.step();
        Path tmp = dir.resolve(name + TMP + ProcessHandle.current().pid());
        deleteTree(tmp);
        Files.createDirectories(tmp);
        content.write(tmp);
        List<TensorView> tensors = new ArrayList<>(optimizer.size());
        optimizer.forEach((k, a) -> tensors.add(DjlTensors.fromNDArray(k, a, Dtype.F32)));
        SafetensorsWriter.write(tmp.resolve(OPTIMIZER), tensors, Map.of("format", "pt", "optimizer", "adamw"));
        if (Integer.toString(state.step()).equals(System.getProperty(HALT_PROPERTY))) {
            Runtime.getRuntime().halt(137);
        }
        AtomicOutput.write(tmp.resolve(STATE), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
        Path target = dir.resolve(name);
        deleteTree(target);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        }
        prune();
        return target;
    }

    /** The newest complete checkpoint (one with its trainer state), if any. */
    public Optional<Path> latest() throws IOException {
        return complete().stream().max(Comparator.comparingInt(CheckpointStore::stepOf));
    }

    /** The trainer state of a checkpoint. */
    public static TrainState state(Path checkpoint) throws IOException {
        return Json.mapper().readValue(checkpoint.resolve(STATE).toFile(), TrainState.class);
    }

    /** The optimizer moments of a checkpoint, by saved name. */
    public static Map<String, float[]> optimizer(Path checkpoint) {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (SafetensorsFile f = SafetensorsFile.open(checkpoint.resolve(OPTIMIZER))) {
            for (String n : f.names()) {
                out.put(n, f.tensor(n).toFloats());
            }
        }
        return out;
    }

    /** Complete checkpoints, in step order; half-written ones are ignored (and removed by the next save). */
    public List<Path> complete() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve(STATE)))
                    .sorted(Comparator.comparingInt(CheckpointStore::stepOf)).toList();
        }
    }

    private void prune() throws IOException {
        List<Path> all = complete();
        for (int i = 0; i < all.size() - keepLast; i++) {
            deleteTree(all.get(i));
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().contains(TMP)).toList()) {
                deleteTree(p);
            }
        }
    }

    static int stepOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Deletes a directory tree (nothing when absent). */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
