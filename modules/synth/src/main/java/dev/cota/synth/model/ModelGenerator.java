package dev.cota.synth.model;

import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.agent.runner.CotaRunner;
import dev.cota.agent.runner.CotaRunnerConfig;
import dev.cota.agent.runner.Episode;
import dev.cota.agent.tool.Tool;
import dev.cota.core.trace.Action;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Role;
import dev.cota.core.trace.Trace;
import dev.cota.data.image.ImageLoader;
import dev.cota.data.pipeline.GaiaMatch;
import dev.cota.synth.run.SynthSource;
import dev.cota.synth.run.TaskOutcome;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TACO's model-generated CoTA recipe (its GPT-4o data generation), with any model backend: each task
 * asks one image-QA pair through the {@link CotaRunner} with the real tools, and labels the chain in
 * {@code meta.label}: {@code cota-pos} / {@code cota-neg} (parsed, ended by Terminate, answer right or
 * wrong by GAIA's {@code question_scorer}), {@code cot-pos} / {@code cot-neg} when the chain called no
 * tool but Terminate. A failed chain (a reply that did not parse, no Terminate action, too many
 * replies) becomes, as TACO did, a direct-answer trace ({@code direct}) when the model gave an answer,
 * else the task is dropped with the failure as reason. {@code meta.variant}, {@code meta.ground_truth},
 * {@code meta.correct} and {@code meta.dataset} are what cota's correctness and action-useless filters
 * read.
 */
public final class ModelGenerator implements SynthSource {

    /** The trace {@code source} of model-generated traces. */
    public static final String SOURCE = "cota-synth:model";
    /** Failure reasons: a reply did not parse, the chain ended without a Terminate action, too many replies. */
    public static final String PARSE_ERROR = "parse-error";
    public static final String NO_TERMINATE = "no-terminate";
    public static final String MAX_REPLIES = "max-replies";

    private final ModelConfig config;
    private final QaPairs pairs;
    private final CotaRunner runner;
    private final String modelName;
    private final ImageLoader loader = new ImageLoader();

    /** A generator over {@code pairs} asking {@code backend}, with {@code tools} (e.g. {@link CotaRunner#tacoTools()}). */
    public ModelGenerator(ModelConfig config, QaPairs pairs, ModelBackend backend, List<Tool> tools) {
        this.config = config;
        this.pairs = pairs;
        ModelConfig.Sampling s = config.sampling();
        CotaRunnerConfig rc = CotaRunnerConfig.DEFAULT.withMaxReplies(config.maxReplies())
                .withSimplePrompt("simple".equals(config.prompt()))
                .withToolTimeout(Duration.ofMillis(config.toolTimeoutMs()))
                .withSampling(new SamplingParams(s.maxTokens(), s.temperature(), s.topP(), config.seed(), List.of()));
        this.runner = new CotaRunner(backend, tools, rc);
        this.modelName = backend.name();
    }

    @Override
    public int size() {
        return pairs.pairs().size();
    }

    /** The id of task {@code index}: {@code model-<seed>-<index>}. */
    public String taskId(int index) {
        return String.format("model-%d-%06d", config.seed(), index);
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
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("dataset", qa.dataset());
        meta.put("source_id", qa.sourceId());
        meta.put("ground_truth", qa.reference());
        meta.put("seed", config.seed());
        meta.put("index", index);
        Trace chain = runner.run(new Episode(id, qa.question(), pixels, refs, null, meta));
        String failure = failure(chain);
        Trace out;
        if (failure == null) {
            boolean correct = correct(chain.answer(), qa.reference());
            String variant = chain.actions().stream().anyMatch(a -> !a.isTerminate()) ? "cota" : "cot";
            out = labelled(chain, id, variant, variant + (correct ? "-pos" : "-neg"), correct, null);
        } else if (chain.answer() != null && !chain.answer().isBlank()) {
            out = labelled(direct(chain, qa, refs), id, "direct", "direct", correct(chain.answer(), qa.reference()),
                    failure);
        } else {
            return TaskOutcome.dropped(id, qa.dataset(), TaskOutcome.TRAIN, failure);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Action a : chain.actions()) {
            counts.merge(a.name(), 1, Integer::sum);
        }
        return new TaskOutcome(id, qa.dataset(), TaskOutcome.TRAIN, List.of(out), images, null, counts);
    }

    /** Why a chain failed, or null when it parsed throughout and ended with a Terminate action. */
    static String failure(Trace chain) {
        for (Message m : chain.messages()) {
            if (m.role() == Role.ASSISTANT && m.meta().containsKey("parse_error")) {
                return PARSE_ERROR;
            }
        }
        Object stop = chain.meta().get("stop_reason");
        if ("max-replies".equals(stop)) {
            return MAX_REPLIES;
        }
        boolean terminated = !chain.actions().isEmpty() && chain.actions().get(chain.actions().size() - 1).isTerminate();
        return terminated && "terminate".equals(stop) ? null : NO_TERMINATE;
    }

    private static boolean correct(String answer, String reference) {
        return answer != null && GaiaMatch.questionScorer(answer, reference);
    }

    /** The failed chain as a direct answer: the question (asked as a direct-answer model is) and Terminate(answer). */
    private static Trace direct(Trace chain, QaPairs.Qa qa, List<String> refs) {
        StringBuilder user = new StringBuilder();
        for (int k = 0; k < refs.size(); k++) {
            user.append(ChatMessage.IMAGE).append('\n');
        }
        user.append(qa.question());
        List<Message> messages = List.of(Message.user(user.toString()),
                Message.assistant(null, new Action(Action.TERMINATE, Map.of("answer", chain.answer()))));
        return new Trace(chain.id(), chain.source(), refs, List.of(), messages, chain.answer(), chain.meta());
    }

    private Trace labelled(Trace t, String id, String variant, String label, boolean correct, String failure) {
        Map<String, Object> meta = new LinkedHashMap<>(t.meta());
        meta.put("model", modelName);
        meta.put("variant", variant);
        meta.put("label", label);
        meta.put("correct", correct);
        if (failure != null) {
            meta.put("failure", failure);
        }
        return new Trace(id + "-" + variant, SOURCE, t.images(), t.files(), t.messages(), t.answer(), meta);
    }
}
