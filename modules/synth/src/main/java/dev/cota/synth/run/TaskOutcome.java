package dev.cota.synth.run;

import dev.cota.core.trace.Trace;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one generation task produced: its traces (empty when dropped) and the images they refer to,
 * or the reason it was dropped; with the group (template) and split it counts under in the manifest.
 *
 * @param id the task's id, unique in the run
 * @param group the template or source it came from
 * @param split {@code train} or {@code heldout}: which output file its traces go to
 * @param traces the traces to write, in order
 * @param images image files to write first, by path relative to the output directory
 * @param dropReason why it was dropped (kebab-case), or null when kept
 * @param counts per-task counts for the manifest (e.g. tool calls by name)
 */
public record TaskOutcome(String id, String group, String split, List<Trace> traces, Map<String, BufferedImage> images,
                          String dropReason, Map<String, Integer> counts) {

    public static final String TRAIN = "train";
    public static final String HELDOUT = "heldout";

    public TaskOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        if (!TRAIN.equals(split) && !HELDOUT.equals(split)) {
            throw new IllegalArgumentException("split must be train or heldout, got " + split);
        }
        traces = List.copyOf(traces);
        images = Map.copyOf(images);
        counts = counts == null ? Map.of() : Map.copyOf(counts);
        if (dropReason != null && !traces.isEmpty()) {
            throw new IllegalArgumentException("a dropped task has no traces");
        }
    }

    /** A dropped task. */
    public static TaskOutcome dropped(String id, String group, String split, String reason) {
        return new TaskOutcome(id, group, split, List.of(), Map.of(), reason, Map.of());
    }
}
