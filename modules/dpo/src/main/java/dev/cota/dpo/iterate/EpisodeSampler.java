package dev.cota.dpo.iterate;

import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.agent.runner.CotaPrompt;
import dev.cota.agent.runner.CotaRunner;
import dev.cota.agent.runner.CotaRunnerConfig;
import dev.cota.agent.runner.Episode;
import dev.cota.agent.tool.Tool;
import dev.cota.agent.tool.Tools;
import dev.cota.core.DataException;
import dev.cota.core.io.TraceLines;
import dev.cota.core.io.TraceWriter;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Role;
import dev.cota.core.trace.Trace;
import dev.cota.data.codec.TacoJsonCodec;
import dev.cota.data.image.ImageLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code iterate.runner: cota}: each sample is a whole episode of TACO's agent loop
 * ({@link CotaRunner}: the policy's {@code {"thought", "actions"}} turns, the real tools' results as
 * observations, ended by Terminate or the reply limit), scored by the episode's answer against the
 * reference (GAIA's {@code question_scorer}). The question is the prompt's first user turn without
 * TACO's request wrapper ({@link CotaPrompt#question}), the images are the prompt's. Episodes run in
 * lockstep, {@code iterate.batch-size} at a time, so a local policy decodes their replies together.
 * Samples are kept as cota JSONL ({@code episodes.jsonl}): one trace per episode, its meta holding
 * {@code prompt_id}, {@code sample}, {@code reference} and {@code score}.
 */
final class EpisodeSampler implements RoundSampler {

    /** A round's episodes. */
    static final String EPISODES = "episodes.jsonl";
    /** The held-out episodes, beside {@code heldout.jsonl}. */
    static final String HELDOUT_EPISODES = "heldout-episodes.jsonl";

    private final List<Tool> tools;
    private final CotaRunnerConfig base;
    private final int batchSize;
    private final ImageLoader images = new ImageLoader();

    EpisodeSampler(IterateSection it) {
        this.tools = it.tools() == null ? CotaRunner.tacoTools() : it.tools().stream().map(Tools::get).toList();
        this.base = CotaRunnerConfig.DEFAULT.withMaxReplies(it.maxReplies())
                .withSimplePrompt("simple".equals(it.systemPrompt()))
                .withToolTimeout(Duration.ofMillis(it.toolTimeoutMs()));
        this.batchSize = it.batchSize();
    }

    /** Each question (with its images) once: a synthesized file holds it as CoTA, CoT and Direct traces. */
    @Override
    public List<IterPrompt> prompts(List<IterPrompt> read) {
        Set<List<Object>> seen = new HashSet<>();
        List<IterPrompt> out = new ArrayList<>();
        for (IterPrompt p : read) {
            if (seen.add(List.of(question(p), p.prompt().images()))) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public List<List<Sample>> sample(ModelBackend policy, List<IterPrompt> prompts, int n, SamplingParams params) {
        List<Episode> episodes = new ArrayList<>(prompts.size() * n);
        for (IterPrompt p : prompts) {
            List<BufferedImage> pixels = new ArrayList<>();
            for (String ref : p.prompt().images()) {
                pixels.add(images.open(ref, null).decode());
            }
            for (int j = 0; j < n; j++) {
                Map<String, Object> meta = new LinkedHashMap<>(p.prompt().meta());
                meta.put("prompt_id", p.id());
                meta.put("sample", j);
                meta.put("reference", p.answer());
                episodes.add(new Episode(p.id() + "#" + j, question(p), pixels, p.prompt().images(), null, meta));
            }
        }
        List<Trace> traces = new ArrayList<>(episodes.size());
        for (int from = 0, chunk = 0; from < episodes.size(); from += batchSize, chunk++) {
            SamplingParams s = new SamplingParams(params.maxTokens(), params.temperature(), params.topP(),
                    params.seed() + chunk, params.stop());
            traces.addAll(new CotaRunner(policy, tools, base.withSampling(s))
                    .runAll(episodes.subList(from, Math.min(episodes.size(), from + batchSize))));
        }
        List<List<Sample>> out = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            List<Sample> own = new ArrayList<>(n);
            for (Trace t : traces.subList(i * n, (i + 1) * n)) {
                double score = Sample.score(t.answer(), prompts.get(i).answer());
                Map<String, Object> meta = new LinkedHashMap<>(t.meta());
                meta.put("score", score);
                own.add(sample(t.withMeta(meta)));
            }
            out.add(own);
        }
        return out;
    }

    @Override
    public String samplesFile() {
        return EPISODES;
    }

    @Override
    public String heldoutFile() {
        return HELDOUT_EPISODES;
    }

    @Override
    public void write(Path file, List<IterPrompt> prompts, List<List<Sample>> samples) throws IOException {
        try (TraceWriter w = TraceWriter.open(file)) {
            for (List<Sample> own : samples) {
                for (Sample s : own) {
                    w.write(s.episode());
                }
            }
            w.commit();
        }
    }

    @Override
    public List<List<Sample>> read(Path file, List<IterPrompt> prompts) throws IOException {
        List<List<Sample>> out = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            out.add(new ArrayList<>());
        }
        int i = 0;
        try (TraceLines lines = TraceLines.open(file)) {
            while (lines.hasNext()) {
                Trace t = lines.next();
                Object id = t.meta().get("prompt_id");
                if (i < prompts.size() - 1 && !out.get(i).isEmpty() && prompts.get(i + 1).id().equals(id)) {
                    i++;
                }
                if (!prompts.get(i).id().equals(id)) {
                    throw DataException.of("stale-samples", file + ": episode " + t.id() + " is of prompt " + id
                            + ", the config gives " + prompts.get(i).id() + "; remove the round directory to sample again");
                }
                out.get(i).add(sample(t));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (i != prompts.size() - 1 || out.get(i).isEmpty()) {
            throw DataException.of("stale-samples", file + " holds episodes of " + (i + 1) + " prompts, the config gives "
                    + prompts.size() + "; remove the round directory to sample again");
        }
        return out;
    }

    /** An episode as a sample: its last reply, its answer, and the score in its meta. */
    private static Sample sample(Trace t) {
        Object score = t.meta().get("score");
        return new Sample(lastReply(t), t.answer(), score instanceof Number x ? x.doubleValue() : 0.0, t);
    }

    /** The question of a prompt: its first user turn, TACO's request wrapper and image lines taken off. */
    static String question(IterPrompt p) {
        for (Message m : p.prompt().messages()) {
            if (m.role() == Role.USER) {
                return CotaPrompt.question(m.contentText());
            }
        }
        throw DataException.of("no-question", "prompt " + p.id() + " has no user turn");
    }

    /** The episode's last reply as the model wrote it. */
    private static String lastReply(Trace t) {
        for (int k = t.messages().size() - 1; k >= 0; k--) {
            Message m = t.messages().get(k);
            if (m.role() != Role.ASSISTANT) {
                continue;
            }
            if (m.meta().get("raw") instanceof String raw) {
                return raw;
            }
            return m.content() instanceof String s ? s : TacoJsonCodec.assistantText(m.thought(), m.action());
        }
        return "";
    }
}
