package dev.cota.synth.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The manifest of a synth run, built from its journal entries alone (so a resumed run's manifest
 * is an uninterrupted one's): tasks kept and dropped, dropped by reason, traces per split and per
 * variant and per label ({@code meta.label}, where generators set one), per group (template) its tasks, kept and dropped by reason, and the per-task counts
 * (tool calls) summed over kept tasks. Keys sorted; no clock times, so equal runs give equal bytes.
 */
final class Manifest {

    private Manifest() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> run, List<Map<String, Object>> entries) {
        Map<String, Integer> droppedBy = new TreeMap<>();
        Map<String, Integer> traces = new TreeMap<>();
        Map<String, Integer> variants = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> labels = new TreeMap<>();
        Map<String, Map<String, Object>> groups = new TreeMap<>();
        int kept = 0;
        for (Map<String, Object> e : entries) {
            String reason = (String) e.get("reason");
            Map<String, Object> g = groups.computeIfAbsent((String) e.get("group"), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("tasks", 0);
                m.put("kept", 0);
                m.put("dropped", new TreeMap<String, Integer>());
                return m;
            });
            g.put("tasks", (Integer) g.get("tasks") + 1);
            if (reason != null) {
                droppedBy.merge(reason, 1, Integer::sum);
                ((Map<String, Integer>) g.get("dropped")).merge(reason, 1, Integer::sum);
                continue;
            }
            kept++;
            g.put("kept", (Integer) g.get("kept") + 1);
            Map<String, Object> vs = (Map<String, Object>) e.get("variants");
            int n = 0;
            for (Map.Entry<String, Object> v : vs.entrySet()) {
                int c = ((Number) v.getValue()).intValue();
                variants.merge(v.getKey(), c, Integer::sum);
                n += c;
            }
            traces.merge((String) e.get("split"), n, Integer::sum);
            Map<String, Object> ls = (Map<String, Object>) e.get("labels");
            if (ls != null) {
                ls.forEach((k, v) -> labels.merge(k, ((Number) v).intValue(), Integer::sum));
            }
            ((Map<String, Object>) e.get("counts")).forEach((k, v) -> counts.merge(k, ((Number) v).intValue(), Integer::sum));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", run);
        m.put("tasks", entries.size());
        m.put("kept", kept);
        m.put("dropped", entries.size() - kept);
        m.put("dropped_by_reason", droppedBy);
        m.put("traces_by_split", traces);
        m.put("traces_by_variant", variants);
        m.put("traces_by_label", labels);
        m.put("tool_calls", counts);
        m.put("by_template", groups);
        return m;
    }
}
