package dev.cota.bench.run;

import dev.cota.agent.backend.BackendException;
import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.agent.runner.BackendReactModel;
import dev.cota.agent.runner.CotaRunner;
import dev.cota.agent.runner.CotaRunnerConfig;
import dev.cota.agent.runner.Episode;
import dev.cota.agent.runner.ReactConfig;
import dev.cota.agent.runner.ReactRunner;
import dev.cota.agent.runner.ReasonSummaryConfig;
import dev.cota.agent.runner.ReasonSummaryRunner;
import dev.cota.agent.tool.Tool;
import dev.cota.agent.tool.Tools;
import dev.cota.bench.BenchItem;
import dev.cota.core.trace.Action;
import dev.cota.core.trace.Trace;
import dev.cota.data.image.ImageLoader;
import dev.cota.data.image.ImageRefs;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Asks a model one benchmark item through the suite's runner: {@code direct} sends one user turn
 * (one {@code <image>} line per image, then the prompt, LLaVA's order); {@code cota}, {@code react}
 * and {@code reason-summary} run TACO's CoTA loop, the MM-Traj/GTA ReAct loop (TACO's built-in
 * tools as Python functions, the item's files copied into the sandbox) or Insight-V's
 * reasoning + summary agents, and the trace's answer is the prediction. A {@link BackendException}
 * (endpoint down, request refused) is the item's recorded error; anything else stops the run.
 */
final class ItemAsker {

    /** How long one tool call of an agent runner may run. */
    static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);

    private final ModelBackend backend;
    private final String runner;
    private final SuiteConfig suite;
    private final SamplingParams sampling;
    private final ImageLoader images = new ImageLoader();

    ItemAsker(ModelBackend backend, SuiteConfig suite, SamplingParams sampling) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.suite = Objects.requireNonNull(suite, "suite");
        this.runner = suite.runner();
        this.sampling = Objects.requireNonNull(sampling, "sampling");
    }

    /**
     * The answers to several items at once, in order: one batched backend call for {@code direct},
     * the episodes in lockstep for {@code cota} and {@code reason-summary} (so a local model decodes
     * them together), one by one for {@code react}. When the batch fails on the backend, each item
     * is asked alone, so the error lands on the item that caused it.
     */
    List<Answer> askAll(List<BenchItem> items, List<String> prompts, Path dataDir) {
        if (items.size() == 1 || runner.equals("react")) {
            List<Answer> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(ask(items.get(i), prompts.get(i), dataDir));
            }
            return out;
        }
        List<List<BufferedImage>> pixels = new ArrayList<>();
        for (BenchItem item : items) {
            pixels.add(pixels(item, dataDir));
        }
        try {
            List<Answer> out = new ArrayList<>();
            if (runner.equals(SuiteConfig.DIRECT)) {
                List<List<ChatMessage>> conversations = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    conversations.add(List.of(direct(prompts.get(i), pixels.get(i))));
                }
                for (String reply : backend.complete(conversations, sampling)) {
                    out.add(new Answer(reply, null, null));
                }
                return out;
            }
            List<Episode> episodes = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                episodes.add(episode(items.get(i), prompts.get(i), pixels.get(i), dataDir));
            }
            List<Trace> traces = runner.equals(ReasonSummaryRunner.NAME) ? reasonSummary().runAll(episodes)
                    : cota().runAll(episodes);
            for (Trace t : traces) {
                out.add(new Answer(t.answer(), t, null));
            }
            return out;
        } catch (BackendException e) {
            List<Answer> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(ask(items.get(i), prompts.get(i), dataDir));
            }
            return out;
        }
    }

    /** The model's answer to {@code prompt} about the item's images and files under {@code dataDir}. */
    Answer ask(BenchItem item, String prompt, Path dataDir) {
        List<BufferedImage> pixels = pixels(item, dataDir);
        try {
            if (runner.equals(SuiteConfig.DIRECT)) {
                return new Answer(backend.completeOne(List.of(direct(prompt, pixels)), sampling), null, null);
            }
            Trace trace = switch (runner) {
                case "react" -> react(item, prompt, pixels, dataDir);
                case ReasonSummaryRunner.NAME -> reasonSummary().run(episode(item, prompt, pixels, dataDir));
                case CotaRunner.NAME -> cota().run(episode(item, prompt, pixels, dataDir));
                default -> throw new IllegalStateException("unknown runner " + runner);
            };
            return new Answer(trace.answer(), trace, null);
        } catch (BackendException e) {
            return new Answer("", null, e.getMessage());
        }
    }

    private List<BufferedImage> pixels(BenchItem item, Path dataDir) {
        List<BufferedImage> pixels = new ArrayList<>(item.images().size());
        for (String ref : item.images()) {
            pixels.add(images.open(ref, dataDir).decode());
        }
        return pixels;
    }

    /** The direct runner's one user turn: an {@code <image>} line per image, then the prompt (LLaVA's order). */
    private static ChatMessage direct(String prompt, List<BufferedImage> pixels) {
        return ChatMessage.user("<image>\n".repeat(pixels.size()) + prompt, pixels);
    }

    private ReasonSummaryRunner reasonSummary() {
        return new ReasonSummaryRunner(backend, backend, ReasonSummaryConfig.both(sampling));
    }

    private CotaRunner cota() {
        return new CotaRunner(backend, cotaTools(), CotaRunnerConfig.DEFAULT.withSampling(sampling)
                .withToolTimeout(TOOL_TIMEOUT).withSimplePrompt(suite.systemPrompt().equals("simple")));
    }

    /** The actions the suite offers the CoTA runner: its {@code tools}, else every built-in TACO action. */
    private List<Tool> cotaTools() {
        if (suite.tools() == null) {
            return CotaRunner.tacoTools();
        }
        List<Tool> out = new ArrayList<>();
        for (String name : suite.tools()) {
            out.add(Tools.get(name));
        }
        return out;
    }

    private Trace react(BenchItem item, String prompt, List<BufferedImage> pixels, Path dataDir) {
        List<Tool> tools = CotaRunner.tacoTools().stream().filter(t -> !Action.TERMINATE.equals(t.name())).toList();
        List<Path> files = item.files().stream().map(dataDir::resolve).toList();
        return new ReactRunner(new BackendReactModel(backend, sampling, pixels), tools, ReactConfig.defaults())
                .run(item.id(), prompt, refs(item), pixels, files, TOOL_TIMEOUT);
    }

    private static Episode episode(BenchItem item, String prompt, List<BufferedImage> pixels, Path dataDir) {
        return new Episode(item.id(), prompt, pixels, refs(item), item.files().isEmpty() ? null : dataDir,
                null);
    }

    /**
     * How the trace names the item's images: their paths, or {@code image-k} for an image inlined in
     * the release (TSV base64), so a trace does not repeat the image bytes the release already holds.
     */
    private static List<String> refs(BenchItem item) {
        List<String> out = new ArrayList<>(item.images().size());
        for (int k = 0; k < item.images().size(); k++) {
            String ref = item.images().get(k);
            out.add(ImageRefs.isInline(ref) ? "image-" + k : ref);
        }
        return out;
    }
}
