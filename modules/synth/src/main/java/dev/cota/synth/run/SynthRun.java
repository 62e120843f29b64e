package dev.cota.synth.run;

import dev.cota.core.CotaException;
import dev.cota.core.io.AppendLog;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import dev.cota.core.json.JsonValues;
import dev.cota.core.json.TraceJson;
import dev.cota.core.trace.Trace;
import com.fasterxml.jackson.core.JsonGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

/**
 * Runs a {@link SynthSource} into an output directory: tasks on a bounded thread pool with at most
 * twice as many in flight as threads, outputs written in task order (so the bytes do not depend on
 * the thread count), each task appended with a flush: its images, its traces ({@code traces.jsonl}
 * or {@code heldout.jsonl}), then its line in the journal {@code tasks.jsonl} (kept or dropped and
 * why, and where each trace file ended). A restarted run reads the journal, cuts the trace files
 * back to the last task it names (a torn line or a task killed between writes leaves nothing), and
 * continues with the next task: no duplicates, and the same bytes as an uninterrupted run. The
 * manifest ({@code manifest.json}) is rebuilt from the journal at the end.
 */
public final class SynthRun {

    public static final String TRACES = "traces.jsonl";
    public static final String HELDOUT = "heldout.jsonl";
    public static final String TASKS = "tasks.jsonl";
    public static final String MANIFEST = "manifest.json";

    private SynthRun() {
    }

    /**
     * Runs (or resumes) every task of {@code source} into {@code out}.
     *
     * @param run what identifies the run (generator, seed, config): a resume must match it
     * @param progress where the progress bar or lines go; null for none
     * @return the manifest written
     */
    public static Map<String, Object> run(SynthSource source, Path out, int threads, Map<String, Object> run,
                                          PrintStream progress) throws IOException, InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("run", run);
        String headerLine = JsonValues.toJson(header);
        try (AppendLog tasks = AppendLog.open(out.resolve(TASKS));
             AppendLog train = AppendLog.open(out.resolve(TRACES));
             AppendLog heldout = AppendLog.open(out.resolve(HELDOUT))) {
            List<Map<String, Object>> entries = resume(tasks, headerLine, train, heldout);
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "synth");
                t.setDaemon(true);
                return t;
            });
            long kept = entries.stream().filter(e -> e.get("reason") == null).count();
            try (SynthProgress bar = new SynthProgress(progress, "synth", entries.size(), source.size())) {
                Deque<Future<TaskOutcome>> window = new ArrayDeque<>();
                int next = entries.size();
                while (next < source.size() || !window.isEmpty()) {
                    while (next < source.size() && window.size() < 2 * threads) {
                        int index = next++;
                        window.add(pool.submit(() -> source.run(index)));
                    }
                    TaskOutcome o;
                    try {
                        o = window.poll().get();
                    } catch (ExecutionException e) {
                        Throwable c = e.getCause();
                        throw new CotaException("synth task " + entries.size() + " failed: " + c, c);
                    }
                    entries.add(write(o, entries.size(), out, tasks, train, heldout));
                    kept += o.dropReason() == null ? 1 : 0;
                    bar.step(entries.size(), kept, entries.size() - kept);
                }
            } finally {
                pool.shutdownNow();
            }
            Map<String, Object> manifest = Manifest.of(run, entries);
            AtomicOutput.write(out.resolve(MANIFEST), (Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(manifest) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return manifest;
        }
    }

    /** The journal's task entries; the trace files are cut back to where the last one ended. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> resume(AppendLog tasks, String headerLine, AppendLog train,
                                                    AppendLog heldout) throws IOException {
        List<String> lines = tasks.readLines();
        List<Map<String, Object>> entries = new ArrayList<>();
        if (lines.isEmpty()) {
            tasks.append(headerLine);
        } else if (!lines.get(0).equals(headerLine)) {
            throw new CotaException(tasks.file() + " was written by another run (" + lines.get(0)
                    + "); resume with the same generator, seed and config, or write to a new directory");
        }
        for (int i = 1; i < lines.size(); i++) {
            entries.add((Map<String, Object>) JsonValues.parse(lines.get(i)));
        }
        long trainEnd = 0;
        long heldoutEnd = 0;
        if (!entries.isEmpty()) {
            Map<String, Object> last = entries.get(entries.size() - 1);
            trainEnd = ((Number) last.get("train_end")).longValue();
            heldoutEnd = ((Number) last.get("heldout_end")).longValue();
        }
        train.truncate(trainEnd);
        heldout.truncate(heldoutEnd);
        return entries;
    }

    private static Map<String, Object> write(TaskOutcome o, int index, Path out, AppendLog tasks, AppendLog train,
                                             AppendLog heldout) throws IOException {
        for (Map.Entry<String, BufferedImage> e : new TreeMap<>(o.images()).entrySet()) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(e.getValue(), "png", png);
            AtomicOutput.write(out.resolve(e.getKey()), png.toByteArray());
        }
        AppendLog log = TaskOutcome.HELDOUT.equals(o.split()) ? heldout : train;
        List<String> lines = new ArrayList<>();
        Map<String, Integer> variants = new TreeMap<>();
        Map<String, Integer> labels = new TreeMap<>();
        for (Trace t : o.traces()) {
            lines.add(traceLine(t));
            Object v = t.meta().get("variant");
            variants.merge(v == null ? "none" : v.toString(), 1, Integer::sum);
            Object l = t.meta().get("label");
            if (l != null) {
                labels.merge(l.toString(), 1, Integer::sum);
            }
        }
        if (!lines.isEmpty()) {
            log.append(lines);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("index", index);
        entry.put("task", o.id());
        entry.put("group", o.group());
        entry.put("split", o.split());
        entry.put("reason", o.dropReason());
        entry.put("variants", variants);
        if (!labels.isEmpty()) {
            entry.put("labels", labels);
        }
        entry.put("counts", new TreeMap<>(o.counts()));
        entry.put("train_end", train.size());
        entry.put("heldout_end", heldout.size());
        String json = JsonValues.toJson(entry);
        tasks.append(json);
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) JsonValues.parse(json);
        return back;
    }

    private static String traceLine(Trace t) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.factory().createGenerator(w)) {
            TraceJson.write(g, t);
        }
        return w.toString();
    }
}
