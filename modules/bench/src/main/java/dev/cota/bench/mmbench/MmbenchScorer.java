package dev.cota.bench.mmbench;

import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Judge;
import dev.cota.bench.Scorer;
import dev.cota.bench.vlmeval.ReportAcc;
import dev.cota.bench.vlmeval.VlmevalMcq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MMBench CircularEval as VLMEvalKit computes it ({@code mcq_circular_eval} and
 * {@code prefetch_circular_group} in {@code vlmeval/dataset/utils/multiple_choice.py}, then
 * {@code report_acc}): each copy's prediction goes through {@code can_infer}; a group (same
 * {@code g_index}) is wrong as soon as one copy is inferred wrong, right when every copy is inferred
 * right, and otherwise needs VLMEvalKit's LLM judge: without one such a group scores 0 and is counted
 * in {@code unjudged} (VLMEvalKit's exact-matching mode also scores it 0). Groups are those of the
 * main rows ({@code index == g_index}); {@code Overall}, the {@code l2-category} abilities (CP, FP-S,
 * FP-C, LR, RR, AR) and the categories are means over groups, with the main row's categories. The
 * per-item score in {@code results.jsonl} is the copy's own hit.
 *
 * <p>With a judge, each copy the rules cannot decide goes to VLMEvalKit's choice matcher
 * ({@code extract_answer_from_item}, {@link dev.cota.bench.vlmeval.ChoiceJudge}) as
 * {@code eval_circular_group} sends it. VLMEvalKit stops asking at the first copy of a group found
 * wrong; cota scores copies one by one and asks for every undecided copy, which costs more calls but
 * gives each group the same hit. The summary's {@code judge} is then the judge model.
 */
public final class MmbenchScorer implements Scorer {

    private static final List<String> FIELDS = List.of("index", "g_index", "category", "l2-category");

    @Override
    public ItemScore score(BenchItem item, String prediction) {
        return VlmevalMcq.score(item, prediction, FIELDS);
    }

    @Override
    public ItemScore score(BenchItem item, String prediction, Judge judge) {
        return VlmevalMcq.score(item, prediction, FIELDS, judge);
    }

    @Override
    public Map<String, Object> summarize(List<ItemScore> scores) {
        Map<Long, List<ItemScore>> groups = new LinkedHashMap<>();
        Map<Long, ItemScore> mains = new LinkedHashMap<>();
        for (ItemScore s : scores) {
            long g = ((Number) s.fields().get("g_index")).longValue();
            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(s);
            if (((Number) s.fields().get("index")).longValue() == g) {
                mains.put(g, s);
            }
        }
        List<ReportAcc.Hit> hits = new ArrayList<>();
        int unjudged = 0;
        String judge = "none";
        for (ItemScore s : scores) {
            if (s.fields().get("judge") instanceof String j) {
                judge = j;
            }
        }
        for (Map.Entry<Long, ItemScore> e : mains.entrySet()) {
            boolean wrong = false;
            boolean undecided = false;
            for (ItemScore copy : groups.get(e.getKey())) {
                if (copy.fields().containsKey("unjudged")) {
                    undecided = true;
                } else if (copy.score() == 0) {
                    wrong = true;
                }
            }
            if (!wrong && undecided) {
                unjudged++;
            }
            ItemScore main = e.getValue();
            hits.add(new ReportAcc.Hit(!wrong && !undecided ? 1 : 0,
                    (String) main.fields().get("l2-category"), (String) main.fields().get("category")));
        }
        Map<String, Object> out = new LinkedHashMap<>(ReportAcc.report(hits));
        out.put("questions", hits.size());
        out.put("judge", unjudged > 0 ? "none" : judge);
        out.put("unjudged", unjudged);
        return out;
    }
}
