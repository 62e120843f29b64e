package dev.cota.serve;

import com.sun.net.httpserver.HttpExchange;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.core.json.JsonValues;
import dev.cota.model.lm.Generation;
import dev.cota.model.vlm.VlmPrompt;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /v1/chat/completions}: validates and prepares the request on the calling HTTP thread
 * (so a bad request costs no model time), queues it for a batch, and answers with the whole
 * completion or, for {@code stream: true}, with {@code chat.completion.chunk} server-sent events
 * ending in {@code data: [DONE]}.
 */
final class ChatHandler {

    private static final Logger LOG = Logger.getLogger(ChatHandler.class.getName());
    private static final Object END = new Object();

    private final ServedModel model;
    private final ServeConfig config;
    private final ChatRequests requests;
    private final BatchScheduler scheduler;
    private final SecureRandom random = new SecureRandom();

    ChatHandler(ServedModel model, ServeConfig config, BatchScheduler scheduler) {
        this.model = model;
        this.config = config;
        this.requests = new ChatRequests(config);
        this.scheduler = scheduler;
    }

    void handle(HttpExchange exchange) throws IOException {
        ChatRequest request = requests.parse(Replies.body(exchange, config.maxRequestBytes()), random.nextLong());
        boolean images = request.conversation().stream().anyMatch(m -> !m.images().isEmpty());
        if (images && !model.takesImages()) {
            throw ApiError.invalid("messages", "the model '" + config.modelName() + "' takes no images");
        }
        VlmPrompt prompt;
        try {
            prompt = model.prepare(request.conversation());
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("messages", e.getMessage());
        }
        request = fitted(request, prompt.ids().length);
        byte[] id = new byte[12];
        random.nextBytes(id);
        Completions out = new Completions("chatcmpl-" + HexFormat.of().formatHex(id),
                System.currentTimeMillis() / 1000, config.modelName());
        if (request.stream()) {
            stream(exchange, request, prompt, out);
        } else {
            whole(exchange, request, prompt, out);
        }
    }

    /** The request with a reply length that fits the context, or a 400 when none does. */
    private ChatRequest fitted(ChatRequest request, int promptTokens) {
        int context = model.contextLength();
        int asked = request.choices().get(0).maxTokens();
        if (promptTokens >= context || (request.maxTokensGiven() && promptTokens + asked > context)) {
            throw ApiError.invalid("messages", "context_length_exceeded", "this model's maximum context length is "
                    + context + " tokens; the messages take " + promptTokens + " tokens"
                    + (request.maxTokensGiven() ? " and max_tokens asks for " + asked + " more" : ""));
        }
        return request.maxTokensGiven() ? request : request.withMaxTokens(Math.min(asked, context - promptTokens));
    }

    private void whole(HttpExchange exchange, ChatRequest request, VlmPrompt prompt, Completions out) throws IOException {
        CompletionJob job = new CompletionJob(prompt, request.choices(), CompletionJob.Sink.NONE);
        queue(job);
        List<Generation> generations = await(job);
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < generations.size(); i++) {
            replies.add(model.reply(generations.get(i).tokens(), request.choices().get(i)));
        }
        Replies.json(exchange, 200, out.completion(replies, generations, prompt.ids().length));
    }

    private void stream(HttpExchange exchange, ChatRequest request, VlmPrompt prompt, Completions out) throws IOException {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        CompletionJob job = new CompletionJob(prompt, request.choices(),
                (choice, token, finished) -> events.add(new Token(choice, token, finished)));
        queue(job);
        job.result().whenComplete((r, e) -> events.add(END));
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            List<StreamText> texts = new ArrayList<>();
            for (int i = 0; i < request.choices().size(); i++) {
                SamplingParams p = request.choices().get(i);
                texts.add(new StreamText(model, p));
                send(body, out.chunk(i, delta("assistant", ""), null));
            }
            for (Object e = take(events); e != END; e = take(events)) {
                Token t = (Token) e;
                String text = texts.get(t.choice()).add(t.token(), t.finished() != null);
                if (!text.isEmpty()) {
                    send(body, out.chunk(t.choice(), delta(null, text), null));
                }
                if (t.finished() != null) {
                    send(body, out.chunk(t.choice(), Map.of(), t.finished().finishReason().wireName()));
                }
            }
            try {
                List<Generation> generations = job.result().get();
                if (request.includeUsage()) {
                    send(body, out.usageChunk(generations, prompt.ids().length));
                }
            } catch (ExecutionException | InterruptedException failed) {
                // Headers are gone: the failure goes in the stream, as OpenAI's servers report one.
                send(body, serverError().body());
            }
            body.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
        }
    }

    private static Map<String, Object> delta(String role, String content) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (role != null) {
            d.put("role", role);
        }
        d.put("content", content);
        return d;
    }

    private static void send(OutputStream body, Object event) throws IOException {
        body.write(("data: " + JsonValues.toJson(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    private void queue(CompletionJob job) {
        if (!scheduler.offer(job)) {
            throw new ApiError(429, "rate_limit_error", "queue_full", null, "the server is busy: " + config.queue()
                    + " requests are already waiting; retry later");
        }
    }

    private static List<Generation> await(CompletionJob job) {
        try {
            return job.result().get();
        } catch (ExecutionException e) {
            throw serverError();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw serverError();
        }
    }

    private static Object take(BlockingQueue<Object> events) {
        try {
            return events.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }

    private static ApiError serverError() {
        LOG.log(Level.FINE, "generation failed");
        return new ApiError(500, "server_error", null, null, "the model failed to generate a reply (see the server log)");
    }

    /** A choice's token, and its finish when it ended the choice. */
    private record Token(int choice, int token, Generation finished) {
    }
}
