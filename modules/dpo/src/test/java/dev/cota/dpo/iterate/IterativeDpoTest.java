package dev.cota.dpo.iterate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.agent.backend.LocalBackend;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.core.json.Json;
import dev.cota.sft.SftRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cota dpo iterate} end to end on CPU: the shipped tiny configs (a briefly SFT-trained QA
 * model, one round of 4 samples per question), and resume by round.
 */
class IterativeDpoTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());
    private static final Path CONFIGS = Path.of("../../configs").toAbsolutePath().normalize();

    @TempDir
    static Path shared;
    private static Path policy;

    @BeforeAll
    static void trainTheStartingPolicy() throws IOException {
        Path sft = shared.resolve("sft");
        new SftRun(CONFIGS.resolve("sft/qa-tiny.yaml"), List.of(), sft, QUIET).run(false);
        policy = sft.resolve("final");
    }

    /** Opens policies as the CLI does, counting how often. */
    private static final class Opener implements Function<Path, ModelBackend> {
        final List<Path> opened = new ArrayList<>();

        @Override
        public ModelBackend apply(Path dir) {
            opened.add(dir);
            return LocalBackend.open(dir, Device.cpu(), "chatml");
        }
    }

    private static IterativeDpo run(Path out, Opener opener, String... sets) {
        List<String> overrides = new ArrayList<>(List.of("model.path=" + policy));
        overrides.addAll(List.of(sets));
        return new IterativeDpo(CONFIGS.resolve("dpo/iterate-tiny.yaml"), overrides, out, QUIET, opener);
    }

    @Test
    void oneRoundSamplesPairsTrainsAndEvaluates(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("iter");
        Opener opener = new Opener();
        run(out, opener).run();
        List<String> rounds = Files.readAllLines(out.resolve("rounds.jsonl"));
        assertEquals(1, rounds.size());
        JsonNode r = Json.mapper().readTree(rounds.get(0));
        assertEquals(1, r.get("round").asInt());
        assertEquals(12, r.get("prompts").asInt());
        assertEquals(48, r.get("samples").asInt());
        int pairs = r.get("pairs").asInt();
        assertTrue(pairs > 0, "pairs " + pairs);
        assertEquals(12, pairs + r.get("ties_skipped").asInt(), "correct-incorrect, 1 pair per prompt: pair or tie");
        assertTrue(r.get("trained").asBoolean());
        assertEquals(pairs, r.get("dpo_pairs").asInt());
        assertEquals(4, r.get("dpo_steps").asInt());
        assertTrue(r.get("reward_accuracy").asDouble() > 0.5, "reward accuracy " + r.get("reward_accuracy"));
        assertTrue(r.get("reward_margin").asDouble() > 0);
        assertEquals(4, r.get("heldout").asInt());
        double heldout = r.get("heldout_accuracy").asDouble();
        assertTrue(heldout >= 0 && heldout <= 1);

        // the files agree with the summary
        List<String> samples = Files.readAllLines(out.resolve("round-1/samples.jsonl"));
        assertEquals(12, samples.size());
        int ties = 0;
        double right = 0;
        for (String line : samples) {
            JsonNode n = Json.mapper().readTree(line);
            assertEquals(4, n.get("samples").size());
            double s = 0;
            for (JsonNode x : n.get("samples")) {
                assertEquals(dev.cota.data.pipeline.GaiaMatch.questionScorer(x.get("prediction").asText(), n.get("answer").asText()) ? 1.0 : 0.0,
                        x.get("score").asDouble());
                s += x.get("score").asDouble();
            }
            right += s;
            ties += s == 0 || s == 4 ? 1 : 0;
        }
        assertEquals(r.get("ties_skipped").asInt(), ties);
        assertEquals(right / 48, r.get("sample_accuracy").asDouble(), 1e-12);
        assertEquals(pairs, Files.readAllLines(out.resolve("round-1/pairs.jsonl")).size());
        assertEquals(4, Files.readAllLines(out.resolve("round-1/heldout.jsonl")).size());
        assertTrue(Files.isRegularFile(out.resolve("round-1/dpo/final/model.safetensors")));
        assertEquals(out.resolve("round-1/dpo/final").toString(), r.get("policy_out").asText());
        // the stage's reference is the round's starting policy: its first step is the identity
        JsonNode first = Json.mapper().readTree(Files.readAllLines(out.resolve("round-1/dpo/metrics.jsonl")).get(0));
        assertEquals(Math.log(2), first.get("loss").asDouble(), 1e-6);
        assertEquals(List.of(policy, out.resolve("round-1/dpo/final")), opener.opened);
    }

    @Test
    void aFinishedRoundIsSkippedAndTheNextStartsFromItsPolicy(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("iter");
        run(out, new Opener()).run();
        Path samples = out.resolve("round-1/samples.jsonl");
        FileTime written = Files.getLastModifiedTime(samples);
        String rounds = Files.readString(out.resolve("rounds.jsonl"));

        Opener again = new Opener();
        run(out, again).run();
        assertEquals(List.of(), again.opened, "a finished round samples nothing");
        assertEquals(written, Files.getLastModifiedTime(samples));
        assertEquals(rounds, Files.readString(out.resolve("rounds.jsonl")));

        Opener more = new Opener();
        run(out, more, "iterate.rounds=2").run();
        Path round1 = out.resolve("round-1/dpo/final");
        assertEquals(List.of(round1, out.resolve("round-2/dpo/final")), more.opened);
        List<String> lines = Files.readAllLines(out.resolve("rounds.jsonl"));
        assertEquals(2, lines.size());
        assertEquals(rounds.strip(), lines.get(0));
        assertEquals(round1.toString(), Json.mapper().readTree(lines.get(1)).get("policy").asText());
    }

    @Test
    void anUnfinishedRoundReusesItsSamples(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("iter");
        run(out, new Opener()).run();
        // as if the run died after sampling: the summary line is gone, the round's files stay
        Files.delete(out.resolve("rounds.jsonl"));
        FileTime written = Files.getLastModifiedTime(out.resolve("round-1/samples.jsonl"));
        Opener again = new Opener();
        run(out, again).run();
        assertEquals(List.of(out.resolve("round-1/dpo/final")), again.opened, "only the held-out evaluation");
        assertEquals(written, Files.getLastModifiedTime(out.resolve("round-1/samples.jsonl")));
        assertEquals(1, Files.readAllLines(out.resolve("rounds.jsonl")).size());
    }
}
