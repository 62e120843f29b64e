package dev.cota.data.tokenizer;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How text is cut into pieces before BPE merges (the {@code pre_tokenizer} of {@code tokenizer.json}),
 * the same way on the training side ({@link WordCounts}) and in the Hugging Face {@code tokenizers}
 * runtime that encodes with the result.
 */
public enum PreTokenizer {

    /** GPT-2's {@code ByteLevel} regex split: {@code " 27"} and {@code "27"} are different pieces. */
    BYTE_LEVEL,

    /**
     * The two-character escapes {@code \n}, {@code \t} and {@code \r} (as a Python- or JSON-printed
     * observation holds its line breaks) are pieces of their own ({@code tokenizers}' {@code Split},
     * isolated), then every digit ({@code Digits} with {@code individual_digits}, as Llama and Qwen
     * tokenizers split numbers), then the byte-level split of the rest. A word or a number is then
     * the same tokens wherever it is written: {@code Tape 27} in {@code {'text': '...\nTape 27'}} reads
     * as it does in the question and in a {@code Calculate} expression (GPT-2's split makes
     * {@code nTape} one piece there), so a model can copy it token by token.
     */
    DIGITS,

    /**
     * The escapes of {@link #DIGITS} isolated, then GPT-2's byte-level split: numbers stay whole
     * pieces ({@code " 27"}, {@code "88"}), which a model copies as one or two tokens instead of a
     * run of digits whose single-token keys repeat.
     */
    ESCAPES,

    /**
     * One regex in the style of GPT-4's and Llama 3's tokenizers: an escape ({@code \\n}, {@code \\t},
     * {@code \\r}) is a piece, a number with its leading space and its decimals ({@code " 6.88"}) is one
     * piece, and the rest is cut as GPT-2 cuts it (a backslash is never glued to punctuation). Every
     * value is then a run of tokens whose first one carries the number's start, so a model copying
     * {@code 6.88} finds it after a distinctive token instead of after one of the many bare spaces
     * or decimal points of an observation.
     */
    NUMBERS;

    /** {@link #NUMBERS}' split, as written to {@code tokenizer.json} and used by the trainer. */
    static final String NUMBERS_REGEX = "\\\\[nrt]| ?\\p{N}+(?:\\.\\p{N}+)?|'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+"
            + "| ?[^\\s\\p{L}\\p{N}\\\\]+|\\\\|\\s+(?!\\S)|\\s+";
    private static final java.util.regex.Pattern NUMBERS_SPLIT =
            java.util.regex.Pattern.compile(NUMBERS_REGEX, java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);

    /** The escapes every pre-tokenizer but {@link #BYTE_LEVEL} isolates: a backslash and n, t or r. */
    private static final java.util.regex.Pattern ESCAPE = java.util.regex.Pattern.compile("\\\\[nrt]");

    /** The name used in configs and on the command line: {@code byte-level}, {@code digits}, ... */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The pre-tokenizer called {@code key}; an {@link IllegalArgumentException} naming the known ones otherwise. */
    public static PreTokenizer of(String key) {
        for (PreTokenizer p : values()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pre-tokenizer '" + key + "' (known: byte-level, digits, escapes, numbers)");
    }

    /** Hands each piece of {@code text}, in order, to {@code piece}; the pieces concatenate to the text. */
    public void split(CharSequence text, Consumer<String> piece) {
        if (this == BYTE_LEVEL) {
            byteLevel(text, piece);
            return;
        }
        if (this == NUMBERS) {
            java.util.regex.Matcher m = NUMBERS_SPLIT.matcher(text);
            while (m.find()) {
                piece.accept(m.group());
            }
            return;
        }
        java.util.regex.Matcher m = ESCAPE.matcher(text);
        int from = 0;
        while (m.find()) {
            between(text.subSequence(from, m.start()), piece);
            piece.accept(m.group());
            from = m.end();
        }
        between(text.subSequence(from, text.length()), piece);
    }

    /** The split of the text between escapes: digits first for {@link #DIGITS}, else byte-level. */
    private void between(CharSequence text, Consumer<String> piece) {
        if (this == DIGITS) {
            digits(text, piece);
        } else {
            byteLevel(text, piece);
        }
    }

    /** Every numeric character its own piece, the byte-level split between them. */
    private static void digits(CharSequence text, Consumer<String> piece) {
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = Character.codePointAt(text, i);
            int next = i + Character.charCount(cp);
            if (isNumeric(cp)) {
                byteLevel(text.subSequence(start, i), piece);
                piece.accept(text.subSequence(i, next).toString());
                start = next;
            }
            i = next;
        }
        byteLevel(text.subSequence(start, text.length()), piece);
    }

    /** The pieces of {@code text}, in order. */
    public List<String> split(CharSequence text) {
        List<String> out = new ArrayList<>();
        split(text, out::add);
        return out;
    }

    /** Rust's {@code char::is_numeric}: the Unicode categories Nd, Nl and No. */
    private static boolean isNumeric(int cp) {
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    private static void byteLevel(CharSequence text, Consumer<String> piece) {
        if (text.length() > 0) {
            java.util.regex.Matcher m = ByteLevel.SPLIT.matcher(text);
            while (m.find()) {
                piece.accept(m.group());
            }
        }
    }

    /** Writes this pre-tokenizer as the {@code pre_tokenizer} field of {@code tokenizer.json}. */
    void writeJson(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("pre_tokenizer");
        if (this == BYTE_LEVEL) {
            writeByteLevel(g, true);
        } else if (this == NUMBERS) {
            g.writeStringField("type", "Sequence");
            g.writeArrayFieldStart("pretokenizers");
            writeSplit(g, NUMBERS_REGEX);
            g.writeStartObject();
            writeByteLevel(g, false);
            g.writeEndObject();
            g.writeEndArray();
        } else {
            g.writeStringField("type", "Sequence");
            g.writeArrayFieldStart("pretokenizers");
            writeSplit(g, ESCAPE.pattern());
            if (this == DIGITS) {
                g.writeStartObject();
                g.writeStringField("type", "Digits");
                g.writeBooleanField("individual_digits", true);
                g.writeEndObject();
            }
            g.writeStartObject();
            writeByteLevel(g, true);
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** A {@code Split} pre-tokenizer object: each match of {@code regex} a piece, the text between too. */
    private static void writeSplit(JsonGenerator g, String regex) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Split");
        g.writeObjectFieldStart("pattern");
        g.writeStringField("Regex", regex);
        g.writeEndObject();
        g.writeStringField("behavior", "Isolated");
        g.writeBooleanField("invert", false);
        g.writeEndObject();
    }

    private static void writeByteLevel(JsonGenerator g, boolean useRegex) throws IOException {
        g.writeStringField("type", "ByteLevel");
        g.writeBooleanField("add_prefix_space", false);
        g.writeBooleanField("trim_offsets", true);
        g.writeBooleanField("use_regex", useRegex);
    }
}
