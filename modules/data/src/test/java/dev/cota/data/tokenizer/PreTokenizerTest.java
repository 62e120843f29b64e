package dev.cota.data.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreTokenizerTest {

    @TempDir
    Path dir;

    private static final String TEXT = "Tape 27 6.88\nGlue 12 9.48\n{'text': 'Item\\nGlue 12'}\n{\"expression\": \"27 * 6.88\"} {\"result\": 185.76}\n";

    @Test
    void digitsAreSplitOneByOneAndTheRestAsGpt2Does() {
        assertEquals(List.of("Tape", " ", "2", "7", " ", "6", ".", "8", "8"), PreTokenizer.DIGITS.split("Tape 27 6.88"));
        assertEquals(List.of("Tape", " 27", " 6", ".", "88"), PreTokenizer.BYTE_LEVEL.split("Tape 27 6.88"));
        assertEquals(List.of("x", "²", "=", "٣"), PreTokenizer.DIGITS.split("x²=٣"));
        // An escaped line break of a printed observation is its own piece: the word after it stays whole.
        assertEquals(List.of("{'", "text", "':", " '", "Item", "\\n", "\\n", "Tape", " ", "2", "7", "'}"),
                PreTokenizer.DIGITS.split("{'text': 'Item\\n\\nTape 27'}"));
        assertEquals(List.of("Item", "\\", "n", "\\", "nTape"), PreTokenizer.BYTE_LEVEL.split("Item\\n\\nTape"));
        assertEquals(PreTokenizer.DIGITS, PreTokenizer.of("digits"));
        assertEquals(List.of("{'", "text", "':", " '", "Item", "\\n", "Tape", " 27", "'}"),
                PreTokenizer.ESCAPES.split("{'text': 'Item\\nTape 27'}"));
        assertEquals(List.of("{\"", "expression", "\":", " \"", "27", " *", " 6.88", "\"}"),
                PreTokenizer.NUMBERS.split("{\"expression\": \"27 * 6.88\"}"));
        assertEquals(List.of("{'", "Item", "\\n", "Tape", " 27", " 6.88", " x", "²³", "=", "٣", "'}", "\\", "'", "\\"),
                PreTokenizer.NUMBERS.split("{'Item\\nTape 27 6.88 x²³=٣'}\\'\\"));
        assertEquals(PreTokenizer.NUMBERS, PreTokenizer.of("numbers"));
        assertEquals("unknown pre-tokenizer 'decimals' (known: byte-level, digits, escapes, numbers)",
                assertThrows(IllegalArgumentException.class, () -> PreTokenizer.of("decimals")).getMessage());
    }

    @Test
    void theWrittenTokenizerEncodesNumbersDigitByDigitAsTrained() throws IOException {
        WordCounts counts = new WordCounts(BpeOptions.DEFAULT_SPECIAL_TOKENS, PreTokenizer.DIGITS);
        for (int i = 0; i < 50; i++) {
            counts.addDocument(TEXT);
        }
        BpeVocab vocab = new BpeTrainer(new BpeOptions(330, 2, BpeOptions.DEFAULT_SPECIAL_TOKENS)).train(counts);
        assertEquals(PreTokenizer.DIGITS, vocab.preTokenizer());
        for (String t : vocab.tokens()) {
            assertTrue(t.length() == 1 || t.chars().noneMatch(Character::isDigit), "token merges a digit: " + t);
        }
        TokenizerFiles.write(dir, vocab, 512);
        try (HuggingFaceTokenizer tok = Tokenizers.open(dir)) {
            Encoding escaped = tok.encode("{'text': 'Item\\nGlue 12'}", false, false);
            Encoding plain = tok.encode("Glue 12", false, false);
            List<String> escapedTokens = Arrays.asList(escaped.getTokens());
            // The runtime cuts the escape off as the trainer did: "Glue 12" reads the same ids after it.
            long[] all = escaped.getIds();
            long[] word = plain.getIds();
            int at = escapedTokens.indexOf(plain.getTokens()[0]);
            assertTrue(at > 0 && escapedTokens.get(at - 1).endsWith("n"), escapedTokens.toString());
            for (int k = 0; k < word.length; k++) {
                assertEquals(word[k], all[at + k], escapedTokens.toString());
            }
            Encoding e = tok.encode("Glue 12 9.48 and \"12 * 9.48\"", false, false);
            List<String> tokens = Arrays.asList(e.getTokens());
            // The number reads the same ids in the observation and in the expression.
            long[] ids = e.getIds();
            for (String start : List.of("1", "9")) {
                int first = tokens.indexOf(start);
                int second = tokens.lastIndexOf(start);
                assertTrue(second > first, tokens.toString());
                int length = start.equals("1") ? 2 : 4;
                for (int k = 0; k < length; k++) {
                    assertEquals(ids[first + k], ids[second + k], tokens.toString());
                }
            }
            for (String t : tokens) {
                assertTrue(t.length() == 1 || t.chars().noneMatch(Character::isDigit), "encoded " + t);
            }
        }
    }

    @Test
    void anEscapesTokenizerKeepsWordsAndNumbersWholeAfterAnEscapedLineBreak() throws IOException {
        WordCounts counts = new WordCounts(BpeOptions.DEFAULT_SPECIAL_TOKENS, PreTokenizer.ESCAPES);
        for (int i = 0; i < 50; i++) {
            counts.addDocument(TEXT);
        }
        BpeVocab vocab = new BpeTrainer(new BpeOptions(330, 2, BpeOptions.DEFAULT_SPECIAL_TOKENS)).train(counts);
        TokenizerFiles.write(dir, vocab, 512);
        try (HuggingFaceTokenizer tok = Tokenizers.open(dir)) {
            List<String> escaped = Arrays.asList(tok.encode("{'text': 'Item\\nGlue 12'}", false, false).getTokens());
            List<String> plain = Arrays.asList(tok.encode("Glue 12", false, false).getTokens());
            assertEquals(plain, escaped.subList(escaped.indexOf(plain.get(0)), escaped.indexOf(plain.get(0)) + plain.size()),
                    escaped.toString());
            assertTrue(plain.contains("Ġ12"), "numbers stay whole: " + plain);
        }
    }

    @Test
    void aNumbersTokenizerKeepsEachValueWholeWithItsSpaceAndDecimalsAsTheRuntimeDoes() throws IOException {
        WordCounts counts = new WordCounts(BpeOptions.DEFAULT_SPECIAL_TOKENS, PreTokenizer.NUMBERS);
        for (int i = 0; i < 50; i++) {
            counts.addDocument(TEXT);
        }
        BpeVocab vocab = new BpeTrainer(new BpeOptions(400, 2, BpeOptions.DEFAULT_SPECIAL_TOKENS)).train(counts);
        assertEquals(PreTokenizer.NUMBERS, vocab.preTokenizer());
        assertTrue(vocab.tokens().contains("Ġ6.88") && vocab.tokens().contains("Ġ185.76"), "decimals merge whole");
        TokenizerFiles.write(dir, vocab, 512);
        try (HuggingFaceTokenizer tok = Tokenizers.open(dir)) {
            String text = "{'text': 'Item\\nGlue 12 9.48'} {\"result\": 185.76} \\t\\";
            List<String> tokens = Arrays.asList(tok.encode(text, false, false).getTokens());
            // The runtime cuts where the trainer cuts: every piece ends on a token boundary.
            java.util.Set<Integer> tokenEnds = new java.util.HashSet<>();
            int at = 0;
            for (String t : tokens) {
                at += t.length();
                tokenEnds.add(at);
            }
            int end = 0;
            for (String piece : PreTokenizer.NUMBERS.split(text)) {
                end += ByteLevel.toSymbols(piece.getBytes(java.nio.charset.StandardCharsets.UTF_8)).length();
                assertTrue(tokenEnds.contains(end), "piece '" + piece + "' ends inside a token: " + tokens);
            }
            assertEquals(end, at, tokens.toString());
            assertTrue(tokens.contains("Ġ185.76") && tokens.contains("Ġ9.48"), "values stay whole: " + tokens);
            assertTrue(tokens.contains("\\n") && tokens.contains("Glue"), tokens.toString());
        }
    }

    @Test
    void byteLevelTokenizersStillMergeNumbers() throws IOException {
        WordCounts counts = new WordCounts(BpeOptions.DEFAULT_SPECIAL_TOKENS);
        for (int i = 0; i < 50; i++) {
            counts.addDocument(TEXT);
        }
        BpeVocab vocab = new BpeTrainer(new BpeOptions(330, 2, BpeOptions.DEFAULT_SPECIAL_TOKENS)).train(counts);
        assertTrue(vocab.tokens().contains("Ġ27"), "GPT-2's split keeps ' 27' whole");
    }
}
