package dev.cota.data.tokenizer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link BpeVocab} as the files a Hugging Face tokenizer directory holds:
 * {@code tokenizer.json} in the {@code tokenizers} serialization (version "1.0": BPE model, the
 * vocabulary's {@link PreTokenizer}, GPT-2 {@code ByteLevel} post-processor and decoder, special tokens as
 * {@code added_tokens}) and {@code tokenizer_config.json} for {@code transformers}'
 * {@code PreTrainedTokenizerFast}. Merges are written as {@code "left right"} strings, the form every
 * {@code tokenizers} release reads (byte-level tokens never hold a space, so it is unambiguous).
 * Special-token roles follow Qwen2's ChatML convention: no BOS, EOS {@code <|im_end|>} (else
 * {@code <|endoftext|>}), PAD {@code <pad>}, no UNK (every byte has a token).
 */
public final class TokenizerFiles {

    /** The tokenizer file. */
    public static final String TOKENIZER_JSON = "tokenizer.json";
    /** The transformers tokenizer config. */
    public static final String TOKENIZER_CONFIG_JSON = "tokenizer_config.json";

    private TokenizerFiles() {
    }

    /**
     * Writes both files into {@code dir} (created when missing), each atomically, the config first,
     * so a directory with a {@code tokenizer.json} always has its config too.
     *
     * @return the path of {@code tokenizer.json}
     */
    public static Path write(Path dir, BpeVocab vocab, int modelMaxLength) throws IOException {
        if (modelMaxLength < 1) {
            throw new IllegalArgumentException("model-max-length must be positive, got " + modelMaxLength);
        }
        AtomicOutput.write(dir.resolve(TOKENIZER_CONFIG_JSON), tokenizerConfigJson(vocab, modelMaxLength));
        Path target = dir.resolve(TOKENIZER_JSON);
        AtomicOutput.write(target, tokenizerJson(vocab));
        return target;
    }

    /** The {@code tokenizer.json} bytes (UTF-8, two-space indent, {@code \n} line ends). */
    public static byte[] tokenizerJson(BpeVocab vocab) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("version", "1.0");
            g.writeNullField("truncation");
            g.writeNullField("padding");
            g.writeArrayFieldStart("added_tokens");
            for (String s : vocab.specialTokens()) {
                g.writeStartObject();
                g.writeNumberField("id", vocab.specialId(s));
                g.writeStringField("content", s);
                addedTokenFlags(g);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNullField("normalizer");
            // Pre-tokenizer and decoder as in GPT-2's tokenizer.json. The post-processor keeps
            // offsets untrimmed, so token spans tile the text and loss masks map exactly.
            vocab.preTokenizer().writeJson(g);
            byteLevel(g, "post_processor", false);
            byteLevel(g, "decoder", true);
            g.writeObjectFieldStart("model");
            g.writeStringField("type", "BPE");
            g.writeNullField("dropout");
            g.writeNullField("unk_token");
            g.writeNullField("continuing_subword_prefix");
            g.writeNullField("end_of_word_suffix");
            g.writeBooleanField("fuse_unk", false);
            g.writeBooleanField("byte_fallback", false);
            g.writeBooleanField("ignore_merges", false);
            g.writeObjectFieldStart("vocab");
            List<String> tokens = vocab.tokens();
            for (int id = 0; id < tokens.size(); id++) {
                g.writeNumberField(tokens.get(id), id);
            }
            g.writeEndObject();
            g.writeArrayFieldStart("merges");
            for (BpeVocab.Merge m : vocab.merges()) {
                g.writeString(m.text());
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** The {@code tokenizer_config.json} bytes. */
    public static byte[] tokenizerConfigJson(BpeVocab vocab, int modelMaxLength) {
        List<String> specials = vocab.specialTokens();
        String eos = specials.contains("<|im_end|>") ? "<|im_end|>"
                : specials.contains("<|endoftext|>") ? "<|endoftext|>" : null;
        String pad = specials.contains("<pad>") ? "<pad>" : null;
        return json(g -> {
            g.writeStartObject();
            g.writeBooleanField("add_prefix_space", false);
            g.writeObjectFieldStart("added_tokens_decoder");
            for (String s : specials) {
                g.writeObjectFieldStart(Integer.toString(vocab.specialId(s)));
                g.writeStringField("content", s);
                addedTokenFlags(g);
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("additional_special_tokens");
            for (String s : specials) {
                if (!s.equals(eos) && !s.equals(pad)) {
                    g.writeString(s);
                }
            }
            g.writeEndArray();
            g.writeNullField("bos_token");
            // transformers would otherwise drop spaces before punctuation when decoding.
            g.writeBooleanField("clean_up_tokenization_spaces", false);
            nullable(g, "eos_token", eos);
            g.writeNumberField("model_max_length", modelMaxLength);
            nullable(g, "pad_token", pad);
            g.writeStringField("tokenizer_class", "PreTrainedTokenizerFast");
            g.writeNullField("unk_token");
            g.writeEndObject();
        });
    }

    private static void addedTokenFlags(JsonGenerator g) throws IOException {
        g.writeBooleanField("single_word", false);
        g.writeBooleanField("lstrip", false);
        g.writeBooleanField("rstrip", false);
        g.writeBooleanField("normalized", false);
        g.writeBooleanField("special", true);
    }

    private static void byteLevel(JsonGenerator g, String field, boolean trimOffsets) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("type", "ByteLevel");
        g.writeBooleanField("add_prefix_space", false);
        g.writeBooleanField("trim_offsets", trimOffsets);
        g.writeBooleanField("use_regex", true);
        g.writeEndObject();
    }

    private static void nullable(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] json(Body body) {
        // A fixed indenter (not the platform line separator) keeps the bytes the same everywhere.
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(indent)
                .withObjectIndenter(indent);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator g = Json.factory().createGenerator(out)) {
            g.setPrettyPrinter(pretty);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * The number of ids a tokenizer directory's {@code tokenizer.json} can produce: one more than the
     * largest id of its vocabulary and added tokens (what a model's {@code vocab_size} must cover).
     *
     * @throws IllegalArgumentException when the file is missing or holds no vocabulary
     */
    public static int vocabSize(Path dir) throws IOException {
        Path file = dir.resolve(TOKENIZER_JSON);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + ": no " + TOKENIZER_JSON);
        }
        JsonNode t = Json.mapper().readTree(file.toFile());
        int max = -1;
        for (JsonNode id : t.path("model").path("vocab")) {
            max = Math.max(max, id.asInt());
        }
        for (JsonNode added : t.path("added_tokens")) {
            max = Math.max(max, added.path("id").asInt());
        }
        if (max < 0) {
            throw new IllegalArgumentException(file + ": no vocabulary (model.vocab) found");
        }
        return max + 1;
    }

    /** Copies {@code tokenizer.json} and, when present, {@code tokenizer_config.json} from one directory into another. */
    public static List<Path> copy(Path from, Path to) throws IOException {
        List<Path> copied = new java.util.ArrayList<>();
        for (String name : List.of(TOKENIZER_JSON, TOKENIZER_CONFIG_JSON)) {
            Path source = from.resolve(name);
            if (Files.isRegularFile(source)) {
                copied.add(Files.copy(source, to.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING));
            }
        }
        return copied;
    }
}
