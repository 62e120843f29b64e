package dev.cota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.core.io.TraceWriter;
import dev.cota.core.json.JsonValues;
import dev.cota.core.trace.Action;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Trace;
import dev.cota.data.pipeline.TraceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token statistics through a real tokenizer.json. */
class TokenStatsTest {

    @TempDir
    Path dir;

    /** A word-level tokenizer.json: every run of word characters or of punctuation is one token. */
    static void writeWordTokenizer(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("tokenizer.json"), """
                {"version":"1.0","truncation":null,"padding":null,"added_tokens":[],"normalizer":null,
                 "pre_tokenizer":{"type":"Whitespace"},"post_processor":null,"decoder":null,
                 "model":{"type":"WordLevel","vocab":{"[UNK]":0,"user":1},"unk_token":"[UNK]"}}
                """);
    }

    @Test
    @SuppressWarnings("unchecked")
    void statsWithATokenizerGivesExactLengthPercentiles() throws Exception {
        Path tok = dir.resolve("tok");
        writeWordTokenizer(tok);
        Path data = dir.resolve("t.jsonl");
        Files.write(dir.resolve("img.png"), new byte[] {1});
        int[] expected = new int[3];
        try (TraceWriter w = TraceWriter.open(data)) {
            for (int i = 0; i < 3; i++) {
                Trace t = new Trace("t" + i, "s", List.of(), List.of(),
                        List.of(Message.user("word ".repeat(10 * (i + 1)).strip()),
                                Message.assistant("ok", new Action("Terminate", Map.of("answer", "1")))),
                        "1", Map.of());
                expected[i] = words(TraceText.of(t));
                w.write(t);
            }
            w.commit();
        }
        Cli.Result r = Cli.run("data", "stats", "--tokenizer", tok.toString(), data.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> tokens = (Map<String, Object>) ((Map<String, Object>) JsonValues.parse(r.out().strip()))
                .get("tokens");
        assertEquals(expected[2], ((Number) tokens.get("max")).intValue(), tokens.toString());
        assertEquals(expected[1], ((Number) tokens.get("p50")).intValue(), tokens.toString());
    }

    @Test
    void aMissingTokenizerIsAOneLineError() {
        Cli.Result r = Cli.run("data", "stats", "--tokenizer", dir.resolve("none").toString(), dir.toString());
        assertEquals(1, r.exit());
        assertEquals("cota: " + dir.resolve("none") + ": no tokenizer.json", r.err().strip());
    }

    /** The Whitespace pre-tokenizer's split: \w+ or runs of other non-space characters. */
    static int words(String text) {
        Matcher m = Pattern.compile("\\w+|[^\\w\\s]+").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
