package dev.cota.dpo.iterate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.ScriptedBackend;
import dev.cota.agent.runner.CotaPrompt;
import dev.cota.core.config.ConfigException;
import dev.cota.core.json.Json;
import dev.cota.sft.SftRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iterate.runner: cota} on CPU with the shipped quickstart-iterate config: scripted policy
 * replies, the real Calculate tool, episodes scored and paired, a DPO stage on the episode traces of
 * a tiny SFT model, held-out accuracy through the same runner, and reuse of a round's episodes.
 */
class EpisodeIterateTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());
    private static final Path CONFIGS = Path.of("../../configs").toAbsolutePath().normalize();

    @TempDir
    static Path shared;
    private static Path policy;
    private static Path train;
    private static Path heldout;

    @BeforeAll
    static void trainATinyCotaPolicyAndWriteThePrompts() throws IOException {
        Path sft = shared.resolve("sft");
        new SftRun(CONFIGS.resolve("sft/tiny.yaml"), List.of("train.max-steps=2", "data.eval-fraction=0.0"), sft, QUIET)
                .run(false);
        policy = sft.resolve("final");
        // cota traces as `cota synth --generator program` writes them (text-only here): a CoTA trace
        // and a Direct trace of the same question (asked once), and another question
        train = shared.resolve("train.jsonl");
        Files.writeString(train, String.join("\n",
                trace("p-add-cota", CotaPrompt.request("What is 12+30?", 0), "42"),
                trace("p-add-direct", "What is 12+30?", "42"),
                trace("p-sub-cota", CotaPrompt.request("What is 75-18?", 0), "57")) + "\n");
        heldout = shared.resolve("heldout.jsonl");
        Files.writeString(heldout, String.join("\n",
                trace("h-mul", CotaPrompt.request("What is 6*7?", 0), "42"),
                trace("h-div", CotaPrompt.request("What is 81/9?", 0), "9")) + "\n");
    }

    private static String trace(String id, String user, String answer) throws IOException {
        String u = Json.mapper().writeValueAsString(user);
        return "{\"id\":\"" + id + "\",\"source\":\"cota-synth:program\",\"images\":[],\"files\":[],\"messages\":["
                + "{\"role\":\"user\",\"content\":" + u + "},{\"role\":\"assistant\",\"thought\":\"t\",\"action\":"
                + "{\"name\":\"Terminate\",\"arguments\":{\"answer\":\"" + answer + "\"}}}],\"answer\":\"" + answer
                + "\",\"meta\":{\"ground_truth\":\"" + answer + "\"}}";
    }

    private static String act(String thought, String name, String arg, String value) {
        return "{\"thought\": \"" + thought + "\", \"actions\": [{\"name\": \"" + name + "\", \"arguments\": {\"" + arg
                + "\": \"" + value + "\"}}]}";
    }

    private static String calc(String expression) {
        return act("Compute " + expression + ".", "Calculate", "expression", expression);
    }

    private static String terminate(String answer) {
        return act("Done.", "Terminate", "answer", answer);
    }

    /** Hands out scripted policies in order and keeps each with the checkpoint it was opened for. */
    private static final class Scripts implements Function<Path, ModelBackend> {
        final Deque<ScriptedBackend> next = new ArrayDeque<>();
        final List<Path> opened = new ArrayList<>();
        final List<ScriptedBackend> used = new ArrayList<>();

        Scripts add(String... replies) {
            next.add(ScriptedBackend.of(replies));
            return this;
        }

        @Override
        public ModelBackend apply(Path dir) {
            opened.add(dir);
            ScriptedBackend b = next.removeFirst();
            used.add(b);
            return b;
        }
    }

    /** Held-out: 6*7 answered right through Calculate, 81/9 answered wrong without a tool. */
    private static Scripts heldoutScripts(Scripts s) {
        return s.add(calc("6*7"), terminate("8"), terminate("42"));
    }

    private static IterativeDpo run(Path out, Scripts scripts, String... sets) {
        List<String> overrides = new ArrayList<>(List.of("model.path=" + policy, "prompts.train.0.path=" + train,
                "prompts.heldout.0.path=" + heldout, "iterate.samples=2", "iterate.tools=[Calculate]",
                "iterate.max-replies=3", "train.max-steps=4", "train.lr=1.0e-2", "batch.batch-size=2"));
        overrides.addAll(List.of(sets));
        return new IterativeDpo(CONFIGS.resolve("dpo/quickstart-iterate.yaml"), overrides, out, QUIET, scripts);
    }

    /** Two questions x two episodes, in lockstep: each step's replies go to the episodes still running. */
    private static Scripts sampling() {
        return new Scripts().add(
                // step 1: add#0 calls Calculate, add#1 answers wrong at once, sub#0 calls Calculate,
                // sub#1 writes a turn that does not parse
                calc("12+30"), terminate("41"), calc("75-18"), "{\"thought\": \"Compute 75+18\", \"actions\": [",
                // step 2: add#0 and sub#0 answer from the observation, sub#1 calls Calculate
                terminate("42"), terminate("57"), calc("75+18"),
                // step 3: sub#1 answers wrong
                terminate("93"));
    }

    @Test
    void oneRoundSamplesEpisodesWithRealToolsPairsThemAndTrainsOnTheTraces(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("iter");
        Scripts scripts = heldoutScripts(sampling());
        run(out, scripts).run();

        JsonNode r = Json.mapper().readTree(Files.readAllLines(out.resolve("rounds.jsonl")).get(0));
        assertEquals("cota", r.get("runner").asText());
        assertEquals(2, r.get("prompts").asInt(), "the Direct trace of 12+30 is the same question");
        assertEquals(4, r.get("samples").asInt());
        assertEquals(0.5, r.get("sample_accuracy").asDouble(), 1e-12);
        assertEquals(2, r.get("pairs").asInt());
        assertEquals(0, r.get("ties_skipped").asInt());
        assertEquals(0, r.get("unpairable").asInt());
        assertTrue(r.get("trained").asBoolean());
        assertEquals(2, r.get("dpo_pairs").asInt(), "both pairs encode, the one with an unparsed reply too");
        assertEquals(4, r.get("dpo_steps").asInt());
        // Four steps on two pairs move the margin by a few hundredths either way (it failed twice under a
        // loaded CPU); that DPO pushes margins up is DpoRunTest's to show. Here: the
        // round trained on its pairs and reported a real number.
        assertTrue(r.get("reward_margin").isNumber() && Double.isFinite(r.get("reward_margin").asDouble()),
                "margin " + r.get("reward_margin"));
        assertEquals(2, r.get("heldout").asInt());
        assertEquals(0.5, r.get("heldout_accuracy").asDouble(), 1e-12);

        // the episodes, as cota traces: observations are the Calculate tool's own results
        List<JsonNode> episodes = lines(out.resolve("round-1/episodes.jsonl"));
        assertEquals(4, episodes.size());
        JsonNode add0 = episodes.get(0);
        assertEquals("p-add-cota#0", add0.get("id").asText());
        assertEquals(42, add0.get("messages").get(3).get("content").get("result").asInt());
        assertEquals("observation", add0.get("messages").get(3).get("role").asText());
        assertEquals("42", add0.get("answer").asText());
        assertEquals(1.0, add0.get("meta").get("score").asDouble());
        assertEquals("p-add-cota", add0.get("meta").get("prompt_id").asText());
        assertEquals("42", add0.get("meta").get("reference").asText());
        assertEquals(0.0, episodes.get(1).get("meta").get("score").asDouble());
        assertEquals(57, episodes.get(2).get("messages").get(3).get("content").get("result").asInt());
        JsonNode sub1 = episodes.get(3);
        assertEquals("malformed-json", sub1.get("messages").get(2).get("meta").get("parse_error").asText());
        assertEquals(93, sub1.get("messages").get(5).get("content").get("result").asInt());
        assertEquals("What is 12+30?", add0.get("meta").get("question").asText());

        // the pairs are the episode traces, right over wrong
        List<JsonNode> pairs = lines(out.resolve("round-1/pairs.jsonl"));
        assertEquals("p-add-cota#0", pairs.get(0).get("chosen").get("id").asText());
        assertEquals("p-add-cota#1", pairs.get(0).get("rejected").get("id").asText());
        assertEquals("p-sub-cota#1", pairs.get(1).get("rejected").get("id").asText());

        // the stage starts at its reference (loss log 2) and moves the margin
        List<JsonNode> metrics = lines(out.resolve("round-1/dpo/metrics.jsonl"));
        assertEquals(Math.log(2), metrics.get(0).get("loss").asDouble(), 1e-6);
        assertTrue(metrics.get(metrics.size() - 1).get("loss").asDouble() < Math.log(2), metrics.toString());

        // held-out: through the runner, greedy, with the trained policy
        List<JsonNode> held = lines(out.resolve("round-1/heldout-episodes.jsonl"));
        assertEquals(42, held.get(0).get("messages").get(3).get("content").get("result").asInt());
        List<JsonNode> heldLines = lines(out.resolve("round-1/heldout.jsonl"));
        assertTrue(heldLines.get(0).get("correct").asBoolean());
        assertFalse(heldLines.get(1).get("correct").asBoolean());
        assertEquals(List.of(policy, out.resolve("round-1/dpo/final")), scripts.opened);
        assertEquals(List.of(4, 3, 1), scripts.used.get(0).batchSizes(), "episodes in lockstep, one batch a step");
        assertEquals(1.0, scripts.used.get(0).params().get(0).temperature());
        assertEquals(0.0, scripts.used.get(1).params().get(0).temperature());
        assertEquals(0, scripts.used.get(0).remaining() + scripts.used.get(1).remaining());
    }

    @Test
    void anUnfinishedRoundReusesItsEpisodes(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("iter");
        run(out, heldoutScripts(sampling())).run();
        String pairs = Files.readString(out.resolve("round-1/pairs.jsonl"));
        Files.delete(out.resolve("rounds.jsonl"));
        Scripts again = heldoutScripts(new Scripts());
        run(out, again).run();
        assertEquals(List.of(out.resolve("round-1/dpo/final")), again.opened, "only the held-out evaluation");
        assertEquals(pairs, Files.readString(out.resolve("round-1/pairs.jsonl")));
        assertEquals(0.5, Json.mapper().readTree(Files.readString(out.resolve("rounds.jsonl"))).get("sample_accuracy")
                .asDouble(), 1e-12);
    }

    @Test
    void configErrorsNameTheKey(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> run(dir.resolve("a"), new Scripts(), "iterate.runner=agent").run());
        assertTrue(e.getMessage().contains("unknown iterate.runner 'agent' (reply, cota)"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> run(dir.resolve("b"), new Scripts(), "iterate.tools=[Abacus]").run());
        assertTrue(e.getMessage().contains("iterate.tools"), e.getMessage());
        assertNull(IterateSection.defaults().tools());
        assertEquals(RunnerKind.REPLY, IterateSection.defaults().runner());
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(Json.mapper().readTree(line));
        }
        return out;
    }
}
