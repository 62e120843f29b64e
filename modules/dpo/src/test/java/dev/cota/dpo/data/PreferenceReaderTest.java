package dev.cota.dpo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cota.core.DataException;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three preference shapes, read from files, and the errors of a bad pair. */
class PreferenceReaderTest {

    private static final Path INSIGHT_V = Path.of("../../datasets/samples/insight-v/dpo.json").toAbsolutePath().normalize();

    @Test
    void insightVRowsShareTheirPromptAndImage() throws IOException {
        List<PreferencePair> pairs = new PreferenceReader("auto", "<image>").read(INSIGHT_V, null);
        assertEquals(10, pairs.size());
        PreferencePair p = pairs.get(0);
        assertEquals("insight-v-dpo-00000", p.id());
        assertEquals(List.of("images/problem_000.png"), p.chosen().images());
        assertEquals(p.chosen().messages().get(0), p.rejected().messages().get(0));
        assertEquals(Role.ASSISTANT, p.rejected().messages().get(1).role());
        String rejected = (String) p.rejected().messages().get(1).content();
        assertEquals(true, rejected.contains("185 - 150 = 35"));
        assertEquals("65", p.chosen().answer());
    }

    @Test
    void trlConversationalRowsWithAnImagePart(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("pairs.jsonl");
        Files.writeString(f, """
                {"id": "a", "images": ["x.png"], "prompt": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": [{"type": "image"}, {"type": "text", "text": "What color?"}]}], "chosen": [{"role": "assistant", "content": "Red."}], "rejected": [{"role": "assistant", "content": [{"type": "text", "text": "Blue."}]}]}
                """);
        PreferencePair p = new PreferenceReader("trl", "<image>").read(f, null).get(0);
        assertEquals(List.of(Message.system("Be brief."), Message.user("<image>What color?"), Message.assistantText("Red.")),
                p.chosen().messages());
        assertEquals(Message.assistantText("Blue."), p.rejected().messages().get(2));
        assertEquals(List.of("x.png"), p.rejected().images());
    }

    @Test
    void tracePairsKeepObservationsAndNeedTheSamePrompt(@TempDir Path dir) throws IOException {
        String user = "{\"role\": \"user\", \"content\": \"2+3?\"}";
        String ok = """
                {"id": "t", "chosen": {"id": "t-c", "messages": [%s, {"role": "assistant", "thought": "add", "action": {"name": "Calculate", "arguments": {"expression": "2+3"}}}, {"role": "observation", "content": {"result": "5"}}, {"role": "assistant", "action": {"name": "Terminate", "arguments": {"answer": "5"}}}]}, "rejected": {"id": "t-r", "messages": [%s, {"role": "assistant", "action": {"name": "Terminate", "arguments": {"answer": "6"}}}]}}
                """.formatted(user, user);
        Path f = dir.resolve("traces.jsonl");
        Files.writeString(f, ok);
        PreferencePair p = new PreferenceReader("auto", "<image>").read(f, null).get(0);
        assertEquals(4, p.chosen().messages().size());
        assertEquals(Role.OBSERVATION, p.chosen().messages().get(2).role());
        assertEquals(2, p.rejected().messages().size());

        Files.writeString(f, ok.replaceFirst("2\\+3\\?", "2+4?"));
        DataException e = assertThrows(DataException.class, () -> new PreferenceReader("auto", "<image>").read(f, null));
        assertEquals("prompt-mismatch", e.kind());
    }
}
