package dev.cota.bench.vlmeval;

import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Judge;
import dev.cota.core.DataException;
import dev.cota.data.image.ImageRefs;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The multiple-choice rows of VLMEvalKit's {@code ImageMCQDataset} ({@code vlmeval/dataset/image_mcq.py}):
 * options from the non-missing single-letter columns ({@code build_choices}), the prompt of its
 * {@code build_prompt} (hint, question, options, instruction), images as base64 with VLMEvalKit's
 * shorthand that an image value of at most 64 characters names the index of the row holding the
 * image, and the per-item rule-based scoring shared by MMBench and MMStar.
 */
public final class VlmevalMcq {

    private VlmevalMcq() {
    }

    /** {@code build_choices}: letter to option text, for the columns A..Z present and not missing. */
    public static Map<String, String> choices(VlmevalTsv.Row row) {
        Map<String, String> out = new LinkedHashMap<>();
        for (char c = 'A'; c <= 'Z'; c++) {
            String v = row.get(String.valueOf(c));
            if (v != null) {
                out.put(String.valueOf(c), v);
            }
        }
        return out;
    }

    /** {@code ImageMCQDataset.build_prompt}'s text. */
    public static String prompt(String hint, String question, Map<String, String> choices) {
        StringBuilder p = new StringBuilder();
        if (hint != null) {
            p.append("Hint: ").append(hint).append('\n');
        }
        p.append("Question: ").append(question).append('\n');
        if (!choices.isEmpty()) {
            p.append("Options:\n");
            choices.forEach((k, v) -> p.append(k).append(". ").append(v).append('\n'));
            p.append("Please select the correct answer from the options above. \n");
        }
        return p.toString();
    }

    /** The row's {@code index} as VLMEvalKit requires it, an integer. */
    public static long index(VlmevalTsv.Row row) {
        String v = row.get("index");
        try {
            return Long.parseLong(v == null ? "" : v.strip());
        } catch (NumberFormatException e) {
            throw DataException.of("invalid-record", "index must be an integer, found '" + v + "'").at(row.location(), v);
        }
    }

    /**
     * The image reference of a row: a {@code data:} URL of its base64 image, or of the image of the
     * row its short value names ({@code ImageBaseDataset.__init__}'s image map).
     */
    public static String image(VlmevalTsv.Row row, Map<String, String> imageByIndex) {
        String v = row.get("image");
        String id = row.get("index");
        if (v == null) {
            throw DataException.of("missing-image", "the image column is empty").at(row.location(), id);
        }
        if (v.length() <= 64) {
            String target = imageByIndex.get(v.strip());
            if (target == null || target.length() <= 64) {
                throw DataException.of("missing-image", "image names row " + v + ", which holds no image")
                        .at(row.location(), id);
            }
            v = target;
        }
        try {
            return ImageRefs.dataUrl(Base64.getMimeDecoder().decode(v));
        } catch (IllegalArgumentException e) {
            throw DataException.of("bad-image", "image is not base64: " + e.getMessage()).at(row.location(), id);
        }
    }

    /**
     * One prediction against one item: {@code can_infer} on the prediction as VLMEvalKit's prefetch
     * calls it; hit when the inferred letter is the answer; {@code unjudged} when the rules cannot decide
     * (VLMEvalKit would then ask its judge; without one it counts the item wrong).
     */
    public static ItemScore score(BenchItem item, String prediction, List<String> copiedFields) {
        return score(item, prediction, copiedFields, null);
    }

    /**
     * {@link #score(BenchItem, String, List)}, and where the rules cannot decide, VLMEvalKit's LLM
     * choice matcher ({@link ChoiceJudge}) when a judge is given: the item then records the judge, its
     * reply ({@code judge_log}) and whether the letter was drawn at random ({@code judge_random}).
     */
    @SuppressWarnings("unchecked")
    public static ItemScore score(BenchItem item, String prediction, List<String> copiedFields, Judge judge) {
        Map<String, String> choices = (Map<String, String>) (Map<?, ?>) item.fields().get("options");
        String inferred = ChoiceInference.canInfer(prediction, choices);
        Object answer = item.fields().get("answer");
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String f : copiedFields) {
            fields.put(f, item.fields().get(f));
        }
        fields.put("answer", answer);
        if (inferred == null && judge != null) {
            String question = item.text("question");
            ChoiceJudge.Match m = ChoiceJudge.match(judge, item.id(), question == null ? "" : question, choices,
                    prediction);
            inferred = m.option();
            fields.put("extracted", inferred);
            fields.put("judge", judge.model());
            fields.put("judge_log", m.log());
            if (m.random()) {
                fields.put("judge_random", true);
            }
        } else {
            fields.put("extracted", inferred);
        }
        if (inferred == null) {
            fields.put("unjudged", true);
        }
        return new ItemScore(item.id(), prediction, inferred != null && inferred.equals(answer) ? 1 : 0, fields);
    }
}
