package dev.cota.agent.backend;

import ai.djl.Device;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDManager;
import dev.cota.data.codec.ChatTurn;
import dev.cota.data.encode.ChatTemplate;
import dev.cota.data.encode.ChatTemplates;
import dev.cota.data.tokenizer.Tokenizers;
import dev.cota.model.config.DecoderConfig;
import dev.cota.model.config.HfConfigs;
import dev.cota.model.config.ModelConfig;
import dev.cota.model.config.VlmConfig;
import dev.cota.model.lm.DecoderLM;
import dev.cota.model.lm.Generation;
import dev.cota.model.lm.GenerationConfig;
import dev.cota.model.lm.Generator;
import dev.cota.model.lm.TokenListener;
import dev.cota.model.vlm.VisionLanguageModel;
import dev.cota.model.vlm.VlmGenerator;
import dev.cota.model.vlm.VlmPrompt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A backend running a cota checkpoint directory in this JVM: a text {@link DecoderLM} or a
 * {@link VisionLanguageModel}, with the checkpoint's own {@code tokenizer.json} and chat template
 * ({@link ChatTemplates#resolve}). Each conversation is rendered with the generation prompt, its
 * images become pixel values at their {@code <image>} tokens ({@link VlmPrompts}), and all
 * conversations of a call are decoded together in one left-padded batch by {@link Generator} /
 * {@link VlmGenerator}. A reply ends at the template's end-of-turn marker, an
 * {@code eos_token_id}, a stop string, or after {@code maxTokens}.
 */
public final class LocalBackend implements ModelBackend {

    private final Path dir;
    private final NDManager manager;
    private final HuggingFaceTokenizer tokenizer;
    private final ChatTemplate template;
    private final DecoderConfig text;
    private final DecoderLM lm;
    private final VisionLanguageModel vlm;
    private final VlmPrompts prompts;

    private LocalBackend(Path dir, NDManager manager, HuggingFaceTokenizer tokenizer, ChatTemplate template,
                         DecoderConfig text, DecoderLM lm, VisionLanguageModel vlm) {
        this.dir = dir;
        this.manager = manager;
        this.tokenizer = tokenizer;
        this.template = template;
        this.text = text;
        this.lm = lm;
        this.vlm = vlm;
        this.prompts = vlm == null ? null : new VlmPrompts(vlm.config(), dir);
    }

    /**
     * Loads a checkpoint.
     *
     * @param templateName a chat template name, or {@link ChatTemplates#AUTO} for the checkpoint's own
     * @throws BackendException when the directory is not a loadable checkpoint
     */
    public static LocalBackend open(Path dir, Device device, String templateName) {
        if (!Files.isRegularFile(dir.resolve(HfConfigs.CONFIG_FILE))) {
            throw new BackendException(dir + ": not a checkpoint directory (no " + HfConfigs.CONFIG_FILE + ")");
        }
        NDManager manager = NDManager.newBaseManager(device);
        HuggingFaceTokenizer tokenizer = null;
        try {
            ModelConfig config = HfConfigs.read(dir.resolve(HfConfigs.CONFIG_FILE));
            tokenizer = Tokenizers.open(dir);
            ChatTemplate template = ChatTemplates.resolve(templateName, dir);
            if (config instanceof VlmConfig v) {
                return new LocalBackend(dir, manager, tokenizer, template, v.textConfig(), null,
                        VisionLanguageModel.load(dir, false, manager));
            }
            if (config instanceof DecoderConfig d) {
                return new LocalBackend(dir, manager, tokenizer, template, d, DecoderLM.load(dir, false, manager), null);
            }
            throw new BackendException(dir + ": model_type " + config.modelType() + " cannot generate text");
        } catch (IOException | RuntimeException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            manager.close();
            if (e instanceof BackendException be) {
                throw be;
            }
            throw new BackendException(dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "local:" + dir;
    }

    @Override
    public synchronized List<String> complete(List<List<ChatMessage>> conversations, SamplingParams params) {
        if (conversations.isEmpty()) {
            return List.of();
        }
        SamplingParams cut = withTemplateStops(params);
        GenerationConfig generation = generationConfig(cut);
        List<Generation> out;
        try {
            if (vlm != null) {
                List<VlmPrompt> batch = new ArrayList<>();
                for (List<ChatMessage> c : conversations) {
                    batch.add(prepare(c));
                }
                out = new VlmGenerator(vlm, manager).generate(batch, generation, this::decodeRaw);
            } else {
                List<int[]> batch = new ArrayList<>();
                for (List<ChatMessage> c : conversations) {
                    batch.add(prepare(c).ids());
                }
                out = new Generator(lm, manager).generate(batch, generation, this::decodeRaw);
            }
        } catch (IllegalArgumentException e) {
            throw new BackendException(name() + ": " + e.getMessage(), e);
        }
        List<String> replies = new ArrayList<>(out.size());
        for (Generation g : out) {
            replies.add(cut.cut(decode(g.tokens())));
        }
        return replies;
    }

    /**
     * A conversation made ready to generate: rendered with the generation prompt, tokenized, its
     * images (for a VLM) expanded to image tokens and turned into pixel values. Safe to call from
     * several threads while {@link #generate} runs (a server prepares requests as they arrive).
     *
     * @throws BackendException when a text model is sent images, or images and placeholders disagree
     */
    public VlmPrompt prepare(List<ChatMessage> conversation) {
        List<java.awt.image.BufferedImage> images = images(conversation);
        if (vlm != null) {
            return prompts.prompt(ids(conversation), images);
        }
        if (!images.isEmpty()) {
            throw new BackendException(name() + ": model_type " + text.modelType() + " has no vision"
                    + " tower, but the conversation has images");
        }
        return new VlmPrompt(ids(conversation), List.of());
    }

    /**
     * Continues prepared prompts in one batch, each with its own sampling (its own length, seed and
     * stops; see {@link Generator#generate(List, List, Function, dev.cota.model.lm.InputEmbedder,
     * TokenListener)}), telling {@code listener} of each token. A reply's text is
     * {@code withTemplateStops(params).cut(decode(tokens))}.
     *
     * @throws BackendException when the model refuses a prompt or a parameter
     */
    public synchronized List<Generation> generate(List<VlmPrompt> batch, List<SamplingParams> params,
                                                  TokenListener listener) {
        List<GenerationConfig> configs = new ArrayList<>(params.size());
        for (SamplingParams p : params) {
            configs.add(generationConfig(withTemplateStops(p)));
        }
        try {
            if (vlm != null) {
                return new VlmGenerator(vlm, manager).generate(batch, configs, this::decodeRaw, listener);
            }
            List<int[]> ids = new ArrayList<>(batch.size());
            batch.forEach(p -> ids.add(p.ids()));
            return new Generator(lm, manager).generate(ids, configs, this::decodeRaw, null, listener);
        } catch (IllegalArgumentException e) {
            throw new BackendException(name() + ": " + e.getMessage(), e);
        }
    }

    /** {@code params} with the chat template's end-of-turn marker first among its stop strings. */
    public SamplingParams withTemplateStops(SamplingParams params) {
        List<String> stops = new ArrayList<>();
        stops.add(template.endOfTurn());
        params.stop().stream().filter(s -> !s.equals(template.endOfTurn())).forEach(stops::add);
        return params.withStop(stops);
    }

    /** Generated ids as reply text, special tokens left out. */
    public String decode(int[] tokens) {
        return tokenizer.decode(Arrays.stream(tokens).asLongStream().toArray(), true);
    }

    /** The longest sequence the model takes, prompt and reply together ({@code max_position_embeddings}). */
    public int contextLength() {
        return text.maxPositionEmbeddings();
    }

    /** True when the checkpoint is a VLM that takes images. */
    public boolean takesImages() {
        return vlm != null;
    }

    private String decodeRaw(int[] tokens) {
        return tokenizer.decode(Arrays.stream(tokens).asLongStream().toArray(), false);
    }

    private GenerationConfig generationConfig(SamplingParams params) {
        try {
            return new GenerationConfig(params.maxTokens(), params.temperature(), 0, params.topP(), params.seed(),
                    text.eosTokenIds(), params.stop(), true, text.padTokenId() == null ? 0 : text.padTokenId());
        } catch (IllegalArgumentException e) {
            throw new BackendException(name() + ": " + e.getMessage(), e);
        }
    }

    /** The conversation rendered by the chat template with the assistant header, as token ids. */
    private int[] ids(List<ChatMessage> conversation) {
        List<ChatTurn> turns = new ArrayList<>(conversation.size());
        for (ChatMessage m : conversation) {
            turns.add(new ChatTurn(m.role(), m.text(), ChatTurn.NO_MESSAGE));
        }
        String rendered = template.render(turns, true).text();
        return Arrays.stream(tokenizer.encode(rendered, false, false).getIds()).mapToInt(Math::toIntExact).toArray();
    }

    private static List<java.awt.image.BufferedImage> images(List<ChatMessage> conversation) {
        List<java.awt.image.BufferedImage> images = new ArrayList<>();
        conversation.forEach(m -> images.addAll(m.images()));
        return images;
    }

    @Override
    public synchronized void close() {
        try (NDManager m = manager; HuggingFaceTokenizer t = tokenizer) {
            if (vlm != null) {
                vlm.close();
            }
            if (lm != null) {
                lm.close();
            }
        }
    }

    @Override
    public String toString() {
        return "LocalBackend[" + dir + ", template=" + template.name() + "]";
    }
}
