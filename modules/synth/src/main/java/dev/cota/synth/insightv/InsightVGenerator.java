package dev.cota.synth.insightv;

import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Trace;
import dev.cota.data.format.InsightVText;
import dev.cota.data.image.ImageLoader;
import dev.cota.synth.model.QaPairs;
import dev.cota.synth.run.SynthSource;
import dev.cota.synth.run.TaskOutcome;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Insight-V's data generation over image-QA pairs (Dong et al., 2024; {@code data_generation.py} and
 * {@code data_check.py} of dongyh20/Insight-V): each task samples {@code samples} chains for one
 * question with the {@link ProgressiveChain}, the {@link AnswerJudge} marks each chain right or wrong
 * against the reference, and the {@link PathScorer} scores right chains into the high / mid / low bins.
 * Every chain that grew is one trace ({@code meta.label} right / wrong, {@code meta.verdict},
 * {@code meta.score}, {@code meta.bin}, {@code meta.steps}, {@code meta.sample}); a chain that failed is
 * counted ({@code chain:invalid-json}); a question none of whose chains grew is dropped
 * ({@code no-valid-chain}). The task counts (chains, judge verdicts, bins, retries) go to the journal.
 */
public final class InsightVGenerator implements SynthSource {

    /** The trace {@code source} of Insight-V generated traces. */
    public static final String SOURCE = "cota-synth:insight-v";
    /** Why a question is dropped: every chain failed. */
    public static final String NO_VALID_CHAIN = "no-valid-chain";

    private final InsightVConfig config;
    private final QaPairs pairs;
    private final ProgressiveChain chains;
    private final AnswerJudge judge;
    private final PathScorer scorer;
    private final Map<String, Object> models = new LinkedHashMap<>();
    private final ImageLoader loader = new ImageLoader();

    /** A generator over {@code pairs}: chains from {@code model}, verdicts from {@code judgeModel}, scores from {@code scoreModel}. */
    public InsightVGenerator(InsightVConfig config, InsightVPrompts prompts, QaPairs pairs, ModelBackend model,
                             ModelBackend judgeModel, ModelBackend scoreModel) {
        this.config = config;
        this.pairs = pairs;
        this.chains = new ProgressiveChain(model, prompts, config);
        this.judge = new AnswerJudge(judgeModel, prompts.judge(), config.judge(), config.seed());
        this.scorer = new PathScorer(scoreModel, prompts.score(), config.scoring(), config.seed());
        models.put("model", model.name());
        models.put("judge_model", judgeModel.name());
        models.put("score_model", scoreModel.name());
    }

    @Override
    public int size() {
        return pairs.pairs().size();
    }

    /** The id of task {@code index}: {@code insight-v-<seed>-<index>}. */
    public String taskId(int index) {
        return String.format("insight-v-%d-%06d", config.seed(), index);
    }

    @Override
    public TaskOutcome run(int index) {
        QaPairs.Qa qa = pairs.pairs().get(index);
        String id = taskId(index);
        QaPairs.TaskImages loaded = QaPairs.TaskImages.load(loader, qa, id);
        if (loaded == null) {
            return TaskOutcome.dropped(id, qa.dataset(), TaskOutcome.TRAIN, "image-unreadable");
        }
        List<BufferedImage> pixels = loaded.pixels();
        List<String> refs = loaded.refs();
        Map<String, BufferedImage> images = loaded.files();
        // Insight-V's questions carry LLaVA's image placeholder in front, as its datasets do.
        String question = (ChatMessage.IMAGE + "\n").repeat(refs.size()) + qa.question();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Trace> traces = new ArrayList<>();
        for (int k = 0; k < config.samples(); k++) {
            ProgressiveChain.Chain chain = chains.grow(qa.question(), pixels, config.seed() + k);
            counts.merge("chains", 1, Integer::sum);
            counts.merge("retries", chain.retries(), Integer::sum);
            counts.merge("early-final", chain.earlyFinal(), Integer::sum);
            counts.merge("replies", chain.replies(), Integer::sum);
            if (chain.failure() != null) {
                counts.merge("chain:" + chain.failure(), 1, Integer::sum);
                continue;
            }
            counts.merge("steps", chain.steps().size(), Integer::sum);
            AnswerJudge.Verdict verdict;
            if (chain.answer() == null) {
                counts.merge("final:unparsable", 1, Integer::sum);
                verdict = judge.judge(qa.question(), qa.reference(), ProgressiveChain.NO_ANSWER);
            } else {
                verdict = judge.judge(qa.question(), qa.reference(), chain.answer());
            }
            counts.merge("judge:" + verdict.key(), 1, Integer::sum);
            Integer score = null;
            String bin = null;
            if (verdict == AnswerJudge.Verdict.RIGHT) {
                score = scorer.score(qa.question(), pixels, qa.reference(), chain.steps());
                bin = score == null ? "unscored" : config.bins().bin(score);
                counts.merge("bin:" + bin, 1, Integer::sum);
            }
            traces.add(trace(id, k, qa, question, refs, chain, verdict, score, bin));
        }
        if (traces.isEmpty()) {
            return new TaskOutcome(id, qa.dataset(), TaskOutcome.TRAIN, List.of(), Map.of(), NO_VALID_CHAIN, counts);
        }
        return new TaskOutcome(id, qa.dataset(), TaskOutcome.TRAIN, traces, images, null, counts);
    }

    private Trace trace(String id, int sample, QaPairs.Qa qa, String question, List<String> refs,
                        ProgressiveChain.Chain chain, AnswerJudge.Verdict verdict, Integer score, String bin) {
        List<Object> steps = new ArrayList<>();
        List<InsightVText.Step> thoughts = new ArrayList<>();
        for (ProgressiveChain.Step s : chain.steps()) {
            steps.add(s.toJson());
            thoughts.add(new InsightVText.Step(s.title(), s.content()));
        }
        boolean right = verdict == AnswerJudge.Verdict.RIGHT;
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("dataset", qa.dataset());
        meta.put("source_id", qa.sourceId());
        meta.put("ground_truth", qa.reference());
        meta.put("question", question);
        meta.put("seed", config.seed());
        meta.put("sample", sample);
        meta.put("variant", "reasoning");
        meta.put("label", right ? "right" : "wrong");
        meta.put("correct", right);
        meta.put("verdict", verdict.key());
        meta.put("score", score);
        meta.put("bin", bin);
        meta.put("steps", steps);
        meta.put("step_count", chain.steps().size());
        meta.put("retries", chain.retries());
        meta.putAll(models);
        List<Message> messages = List.of(Message.user(InsightVText.reasoningPrompt(question)),
                Message.assistantText(InsightVText.thoughts(thoughts)));
        return new Trace(id + "-s" + sample, SOURCE, refs, List.of(), messages, chain.answer(), meta);
    }
}
