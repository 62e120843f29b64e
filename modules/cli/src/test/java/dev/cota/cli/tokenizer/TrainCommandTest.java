package dev.cota.cli.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new TokenizerCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void trainsFromTextAndTracesAndPrintsOneJsonLine(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("a.txt");
        Files.writeString(text, "the cat sat on the mat. the cat ate the rat.\n".repeat(50));
        Path traces = dir.resolve("t.jsonl");
        Files.writeString(traces, "{\"id\":\"t1\",\"messages\":[{\"role\":\"user\",\"content\":\"<image> the cat?\"},"
                + "{\"role\":\"assistant\",\"content\":\"the mat\"}]}\n");
        Path out = dir.resolve("tok");
        Run r = run("train", "--input", text.toString(), traces.toString(), "--vocab-size", "270",
                "--out", out.toString(), "--special-tokens", "<|endoftext|>,<image>");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(1, lines.length, r.out());
        JsonNode s = Json.mapper().readTree(lines[0]);
        assertEquals(270, s.get("vocab_size").asInt());
        assertEquals(12, s.get("merges").asInt());
        assertEquals("[\"<|endoftext|>\",\"<image>\"]", s.get("special_tokens").toString());
        assertEquals(2, s.get("documents").asInt());
        assertEquals(out.toString(), s.get("out").asText());
        assertTrue(s.get("seconds").asDouble() >= 0);
        JsonNode t = Json.mapper().readTree(out.resolve("tokenizer.json").toFile());
        assertEquals(269, t.at("/added_tokens/1/id").asInt());
        assertEquals("<|endoftext|>", Json.mapper().readTree(out.resolve("tokenizer_config.json").toFile())
                .get("eos_token").asText());
    }

    @Test
    void aCodecAndTemplateTrainOnTheRenderedTextItsFixedWordsIncluded(@TempDir Path dir) throws IOException {
        Path traces = dir.resolve("t.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append("{\"id\":\"t").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":\"What is ")
                    .append(i).append(" + 1?\"},{\"role\":\"assistant\",\"thought\":\"Add.\",\"action\":{\"name\":")
                    .append("\"Calculate\",\"arguments\":{\"expression\":\"").append(i).append(" + 1\"}}},")
                    .append("{\"role\":\"observation\",\"content\":{\"result\":").append(i + 1).append("}},")
                    .append("{\"role\":\"assistant\",\"thought\":\"Done.\",\"action\":{\"name\":\"Terminate\",")
                    .append("\"arguments\":{\"answer\":\"").append(i + 1).append("\"}}}]}\n");
        }
        Files.writeString(traces, sb.toString());
        Path plain = dir.resolve("plain");
        Path rendered = dir.resolve("rendered");
        assertEquals(0, run("train", "--input", traces.toString(), "--vocab-size", "700", "--out", plain.toString(),
                "--pre-tokenizer", "numbers").exit());
        Run r = run("train", "--input", traces.toString(), "--vocab-size", "700", "--out", rendered.toString(),
                "--pre-tokenizer", "numbers", "--codec", "taco-json", "--template", "chatml");
        assertEquals(0, r.exit(), r.err());
        assertEquals("numbers", Json.mapper().readTree(r.out()).get("pre_tokenizer").asText());
        JsonNode renderedVocab = Json.mapper().readTree(rendered.resolve("tokenizer.json").toFile()).at("/model/vocab");
        JsonNode plainVocab = Json.mapper().readTree(plain.resolve("tokenizer.json").toFile()).at("/model/vocab");
        // TACO's observation trailer and the codec's JSON keys are only in the rendered text.
        for (String word : new String[] {"ĠOBSERVATION", "Ġincomplete", "thought", "actions"}) {
            assertTrue(renderedVocab.has(word), word);
            assertTrue(!plainVocab.has(word), word);
        }
        Run bad = run("train", "--input", traces.toString(), "--vocab-size", "700", "--out", rendered.toString(),
                "--codec", "yaml");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("unknown codec 'yaml'"), bad.err());
        Run alone = run("train", "--input", traces.toString(), "--vocab-size", "700", "--out", rendered.toString(),
                "--template", "chatml");
        assertEquals(2, alone.exit());
        assertTrue(alone.err().startsWith("--template renders with --codec: give both"), alone.err());
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("a.txt");
        Files.writeString(text, "hello");
        Run small = run("train", "--input", text.toString(), "--vocab-size", "100", "--out", dir.toString());
        assertEquals(2, small.exit());
        assertTrue(small.err().startsWith("vocab-size 100 is below the 256 byte symbols + 5 special tokens = 261"),
                small.err());
        Run kind = run("train", "--input", text.toString(), "--vocab-size", "300", "--out", dir.toString(),
                "--input-kind", "csv");
        assertEquals(2, kind.exit());
        assertTrue(kind.err().startsWith("unknown --input-kind csv (known: auto, text, lines, traces)"), kind.err());
        assertEquals(2, run().exit());
    }

    @Test
    void helpShowsDefaults() {
        Run r = run("train", "--help");
        assertEquals(0, r.exit());
        String flat = r.out().replaceAll("\\s+", "");
        assertTrue(flat.contains("often.Default:2."), r.out());
        assertTrue(flat.contains("Default:<|endoftext|>,<|im_start|>,<|im_end|>,<image>,<pad>."), r.out());
    }
}
