package dev.cota.synth.mmtraj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.ScriptedBackend;
import dev.cota.agent.tool.Tools;
import dev.cota.core.json.Json;
import dev.cota.core.trace.Role;
import dev.cota.core.trace.Trace;
import dev.cota.data.Datasets;
import dev.cota.data.ReadOptions;
import dev.cota.data.TraceStream;
import dev.cota.synth.run.SynthRun;
import dev.cota.synth.run.TaskOutcome;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MM-Traj pipeline with a scripted model and the real ReAct sandbox (python3, as the ReAct
 * runner's own tests need it): the kept path for an image task and a text-file task, each verifier
 * rejecting, the updated query replacing the rejected one, and malformed model output counted.
 */
class MmTrajGeneratorTest {

    private static final Path PROMPTS = Path.of("../../configs/synth/mm-traj").toAbsolutePath().normalize();

    private static final String QUERY = "```json\n[{\"query\": \"What is the receipt's total plus 3 dollars?\","
            + " \"tools\": [\"OCR\", \"Calculate\"]}]\n```";
    private static final String IMAGE_PLAN = "### json start\n{\"information\": \"the total\", \"file\": {\"file_numbers\": 1,"
            + " \"file_information\": {\"file_1\": {\"file_type\": \".png\", \"file_content\": \"a shop receipt with"
            + " a total of 12 dollars\"}}}}\n### json end";
    private static final String QF_YES = "'''\n{\"thought\": \"the receipt has the total\", \"correct\": \"yes\","
            + " \"updated_query\": \"no revision is needed.\"}\n'''";
    private static final String SOLVE_1 = "Thought: Add three.\nCode:\n```py\nr = Calculate(expression='12+3')\nprint(r)\n```";
    private static final String SOLVE_2 = "Thought: Done.\nCode:\n```py\nfinal_answer('15')\n```<end_action>";
    private static final String TRAJ_YES = "### start json\n{\"thought\": \"right tools, right answer\", \"correct\": \"yes\"}\n### end json";

    @TempDir
    Path dir;
    Path out;
    ImagePool pool;

    @BeforeEach
    void pool() throws Exception {
        Path images = Files.createDirectories(dir.resolve("pool"));
        for (String name : List.of("cat_on_a_mat", "shop_receipt", "city_street")) {
            BufferedImage img = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
            img.setRGB(1, 1, name.hashCode() & 0xffffff);
            ImageIO.write(img, "png", images.resolve(name + ".png").toFile());
        }
        Files.writeString(images.resolve("shop_receipt.txt"), "A printed shop receipt listing items and a total.");
        pool = ImagePool.open(images, "auto");
        out = Files.createDirectories(dir.resolve("out"));
    }

    private MmTrajGenerator generator(ScriptedBackend model, String... overrides) {
        MmTrajConfig c = new MmTrajConfig(1, 0L, null, null, 2, null, null, null, null, null, 3, null, null,
                overrides.length > 0 ? Boolean.FALSE : null, null, null, null, 1, 20_000L);
        List<JsonNode> examples = MmTrajExport.examples(PROMPTS.resolve("examples.jsonl"));
        return new MmTrajGenerator(c, MmTrajPrompts.load(PROMPTS), examples, pool,
                List.of(Tools.get("OCR"), Tools.get("Calculate")), model, model, model, out);
    }

    @Test
    void keptImageTrajectoryRoundTripsThroughTheMmTrajReader() throws Exception {
        ScriptedBackend model = ScriptedBackend.of(QUERY, IMAGE_PLAN, QF_YES, SOLVE_1, SOLVE_2, TRAJ_YES);
        MmTrajGenerator gen = generator(model);
        Map<String, Object> manifest = SynthRun.run(gen, out, 1, Map.of("generator", "mm-traj"), null);
        assertEquals(1, manifest.get("kept"), manifest.toString());
        assertEquals(0, model.remaining());
        List<List<ChatMessage>> sent = model.received();
        assertTrue(sent.get(0).get(0).text().contains("\"tool_name\" : \"Calculate\""), sent.get(0).get(0).text());
        assertEquals(1, sent.get(2).get(1).images().size(), "the query-file verifier sees the selected image");
        assertTrue(sent.get(2).get(1).text().contains("image-0: A printed shop receipt"), sent.get(2).get(1).text());
        assertTrue(sent.get(5).get(1).text().contains("Execution Results: 15"), sent.get(5).get(1).text());

        Trace kept;
        try (TraceStream in = Datasets.open(out.resolve(SynthRun.TRACES), ReadOptions.DEFAULT.withFormat("cota"))) {
            kept = in.next();
        }
        assertEquals("mm-traj-0-000000", kept.id());
        assertEquals(MmTrajGenerator.SOURCE, kept.source());
        assertEquals(List.of("images/mm-traj-0-000000-0.png"), kept.images());
        assertTrue(Files.exists(out.resolve(kept.images().get(0))));
        assertEquals("15", kept.answer());
        assertEquals(List.of(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.OBSERVATION, Role.ASSISTANT),
                kept.messages().stream().map(m -> m.role()).toList());
        assertEquals("<image>\nTask: What is the receipt's total plus 3 dollars?\nAttachement: image-0",
                kept.messages().get(1).content());
        assertEquals("r = Calculate(expression='12+3')\nprint(r)", kept.messages().get(2).code());
        assertEquals("images", kept.meta().get("style"));
        assertEquals(List.of("OCR", "Calculate"), kept.meta().get("suggested_tools"));
        assertEquals(Map.of("Calculate", 1), manifest.get("tool_calls"));

        assertEquals(1, MmTrajExport.write(out));
        Trace reread;
        try (TraceStream in = Datasets.open(out.resolve(MmTrajExport.FILE), ReadOptions.DEFAULT)) {
            reread = in.next();
            assertTrue(!in.hasNext());
        }
        assertEquals("mm-traj", reread.source(), "the file is detected as MM-Traj");
        assertEquals(kept.id(), reread.id());
        assertEquals(kept.images(), reread.images());
        assertEquals(kept.files(), reread.files());
        assertEquals(kept.answer(), reread.answer());
        assertEquals(kept.messages(), reread.messages());
        JsonNode record = Json.mapper().readTree(out.resolve(MmTrajExport.FILE).toFile()).get(0);
        assertEquals("images/mm-traj-0-000000-0.png", record.get("image").asText());
        assertEquals("Thought: Add three.\nCode:\n```py\nr = Calculate(expression='12+3')\nprint(r)\n```<end_action>",
                record.at("/conversations/1/content").asText());
        assertTrue(record.at("/conversations/2/content").asText().startsWith("[OUTPUT OF STEP 0] Observation:\n"));
    }

    @Test
    void textFileIsWrittenByTheModelAndGetsTheFileVerifiers() throws Exception {
        String plan = "```json\n{\"file\": {\"file_numbers\": 1, \"file_information\": {\"file_1\": {\"file_type\": \"csv\","
                + " \"file_content\": \"monthly sales\"}}}}\n```";
        String csv = "##extention start\nExtended content: sales\n\n##file start\n```\nmonth,sales\njan,4\nfeb,9\n```\n##file end";
        String solve = "Thought: Read it.\nCode:\n```py\nrows = open('file_1.csv').read().split()\nfinal_answer(rows[2])\n```";
        ScriptedBackend model = ScriptedBackend.of(QUERY, plan, csv, "{\"correct\": \"yes\"}", solve, TRAJ_YES);
        TaskOutcome o = generator(model).run(0);
        assertNull(o.dropReason());
        Trace t = o.traces().get(0);
        assertEquals(List.of("files/mm-traj-0-000000/file_1.csv"), t.files());
        assertEquals("month,sales\njan,4\nfeb,9\n", Files.readString(out.resolve(t.files().get(0))));
        assertEquals("feb,9", t.answer());
        assertEquals("files", o.group());
        String qf = model.received().get(3).get(1).text();
        assertTrue(qf.contains("file_1.csv:\nmonth,sales\njan,4\nfeb,9"), qf);
        assertTrue(model.received().get(5).get(1).text().contains("File Content: file_1.csv:"));
    }

    @Test
    void queryFileVerifierRejectsAndItsUpdatedQueryIsVerifiedAgain() throws Exception {
        String no = "{\"correct\": \"no\", \"updated_query\": \"What is the total on the receipt?\"}";
        TaskOutcome rejected = generator(ScriptedBackend.of(QUERY, IMAGE_PLAN, no, "{\"correct\": \"no\"}")).run(0);
        assertEquals("query-file-rejected", rejected.dropReason());

        ScriptedBackend model = ScriptedBackend.of(QUERY, IMAGE_PLAN, no, QF_YES, SOLVE_1, SOLVE_2, TRAJ_YES);
        TaskOutcome revised = generator(model).run(0);
        assertNull(revised.dropReason());
        Trace t = revised.traces().get(0);
        assertEquals("What is the total on the receipt?", t.meta().get("query"));
        assertEquals("What is the receipt's total plus 3 dollars?", t.meta().get("original_query"));
        assertEquals("<image>\nTask: What is the total on the receipt?\nAttachement: image-0", t.messages().get(1).content());
        assertTrue(model.received().get(3).get(1).text().contains("the query: What is the total on the receipt?"));

        TaskOutcome noRevision = generator(ScriptedBackend.of(QUERY, IMAGE_PLAN, no), "no-revise").run(0);
        assertEquals("query-file-rejected", noRevision.dropReason());
    }

    @Test
    void trajectoryVerifierRejects() throws Exception {
        String no = "### start json\n{\"thought\": \"the answer ignores the image\", \"correct\": \"no\"}\n### end json";
        TaskOutcome o = generator(ScriptedBackend.of(QUERY, IMAGE_PLAN, QF_YES, SOLVE_1, SOLVE_2, no)).run(0);
        assertEquals("trajectory-rejected", o.dropReason());
        assertTrue(o.traces().isEmpty());
    }

    @Test
    void malformedModelOutputIsCountedNotThrown() throws Exception {
        assertEquals("verifier-unparsable",
                generator(ScriptedBackend.of(QUERY, IMAGE_PLAN, "I think it is fine.")).run(0).dropReason());
        assertEquals("verifier-unparsable", generator(ScriptedBackend.of(QUERY, IMAGE_PLAN, QF_YES, SOLVE_1, SOLVE_2,
                "{\"thought\": \"ok\", \"correct\": maybe")).run(0).dropReason());
        assertEquals("query-unparsable", generator(ScriptedBackend.of("Here are some queries!")).run(0).dropReason());
        assertEquals("file-plan-unparsable", generator(ScriptedBackend.of(QUERY, "{\"file\": 3}")).run(0).dropReason());
        assertEquals("file-type-unsupported", generator(ScriptedBackend.of(QUERY,
                "{\"file\": {\"file_numbers\": 1, \"file_information\": {\"file_1\": {\"file_type\": \".pdf\","
                        + " \"file_content\": \"a report\"}}}}")).run(0).dropReason());
        List<String> garbage = new ArrayList<>(List.of(QUERY, IMAGE_PLAN, QF_YES));
        for (int i = 0; i < 3; i++) {
            garbage.add("no code here");
        }
        assertEquals("no-final-answer", generator(new ScriptedBackend(garbage)).run(0).dropReason());
    }
}
