package dev.cota.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.agent.backend.LocalBackend;
import dev.cota.core.json.Json;
import dev.cota.data.encode.ChatTemplates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** Each bad request gets its status and OpenAI error type, a one-line message, and no internals. */
class ServerErrorsTest {

    @TempDir
    static Path dir;
    static LocalBackend text;
    static ChatServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String OK_MESSAGES = "\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]";
    static final String PNG_GARBAGE = "data:image/png;base64," + Base64.getEncoder().encodeToString(
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5, 6, 7, 8});

    @BeforeAll
    static void start() throws Exception {
        text = LocalBackend.open(TinyCheckpoints.lm(dir), Device.cpu(), ChatTemplates.AUTO);
        server = new ChatServer(ServedModel.of(text), ServeConfig.of("tiny", 0).withMaxRequestBytes(4096)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
        text.close();
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertClean(HttpResponse<String> r) throws Exception {
        assertFalse(r.body().contains("Exception"), r.body());
        assertFalse(r.body().contains("at dev."), r.body());
        assertFalse(r.body().contains(dir.toString()), "no host path: " + r.body());
        JsonNode error = Json.mapper().readTree(r.body()).path("error");
        assertTrue(error.path("message").isTextual() && !error.path("message").asText().contains("\n"), r.body());
        assertTrue(error.has("param") && error.has("code"), r.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not JSON               | POST | /v1/chat/completions | {\"model\": | 400 | invalid_request_error",
        "trailing garbage       | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG} x` | 400 | invalid_request_error",
        "array body             | POST | /v1/chat/completions | [1, 2] | 400 | invalid_request_error",
        "empty body             | POST | /v1/chat/completions | `` | 400 | invalid_request_error",
        "no model               | POST | /v1/chat/completions | `{MSG}` | 400 | invalid_request_error",
        "unknown model          | POST | /v1/chat/completions | `{\"model\": \"gpt-9\", MSG}` | 404 | invalid_request_error",
        "no messages            | POST | /v1/chat/completions | {\"model\": \"tiny\"} | 400 | invalid_request_error",
        "empty messages         | POST | /v1/chat/completions | {\"model\": \"tiny\", \"messages\": []} | 400 | invalid_request_error",
        "bad role               | POST | /v1/chat/completions | `{\"model\": \"tiny\", \"messages\": [{\"role\": \"tool\", \"content\": \"x\"}]}` | 400 | invalid_request_error",
        "numeric content        | POST | /v1/chat/completions | `{\"model\": \"tiny\", \"messages\": [{\"role\": \"user\", \"content\": 5}]}` | 400 | invalid_request_error",
        "placeholder in text    | POST | /v1/chat/completions | `{\"model\": \"tiny\", \"messages\": [{\"role\": \"user\", \"content\": \"<image>\"}]}` | 400 | invalid_request_error",
        "unknown field          | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG, \"best_of\": 2}` | 400 | invalid_request_error",
        "max_tokens a string    | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG, \"max_tokens\": \"5\"}` | 400 | invalid_request_error",
        "max_tokens zero        | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG, \"max_tokens\": 0}` | 400 | invalid_request_error",
        "max_tokens fraction    | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG, \"max_tokens\": 2.5}` | 400 | invalid_request_error",
        "temperature too high   | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG, \"temperature\": 3}` | 400 | invalid_request_error",
        "top_p zero             | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG, \"top_p\": 0}` | 400 | invalid_request_error",
        "n over the batch       | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG, \"n\": 99}` | 400 | invalid_request_error",
        "seed a float           | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG, \"seed\": 1.5}` | 400 | invalid_request_error",
        "five stops             | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG, \"stop\": [\"a\",\"b\",\"c\",\"d\",\"e\"]}` | 400 | invalid_request_error",
        "empty stop             | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG, \"stop\": \"\"}` | 400 | invalid_request_error",
        "stream not boolean     | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG, \"stream\": \"yes\"}` | 400 | invalid_request_error",
        "stream_options alone   | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG, \"stream_options\": {\"include_usage\": true}}` | 400 | invalid_request_error",
        "penalty                | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG, \"presence_penalty\": 0.5}` | 400 | invalid_request_error",
        "context too long       | POST | /v1/chat/completions | `{\"model\": \"tiny\", MSG, \"max_tokens\": 5000}` | 400 | invalid_request_error",
        "image to a text model  | POST | /v1/chat/completions | `{\"model\": \"tiny\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\", \"image_url\": {\"url\": \"IMG\"}}]}]}` | 400 | invalid_request_error",
        "http image url         | POST | /v1/chat/completions | `{\"model\": \"tiny\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\", \"image_url\": {\"url\": \"http://x/a.png\"}}]}]}` | 400 | invalid_request_error",
        "bad part type          | POST | /v1/chat/completions | `{\"model\": \"tiny\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"audio\"}]}]}` | 400 | invalid_request_error",
        "too large              | POST | /v1/chat/completions | BIG | 413 | invalid_request_error",
        "GET on completions     | GET  | /v1/chat/completions | | 405 | invalid_request_error",
        "POST on models         | POST | /v1/models           | {} | 405 | invalid_request_error",
        "unknown path           | GET  | /v1/embeddings       | | 404 | invalid_request_error",
        "unknown model path     | GET  | /v1/models/gpt-9     | | 404 | invalid_request_error",
    })
    void badRequestsGetTheirStatusAndType(String name, String method, String path, String body, int status, String type)
            throws Exception {
        String b = body == null ? null : body.replace("MSG", OK_MESSAGES).replace("IMG", PNG_GARBAGE)
                .replace("BIG", "{\"model\": \"tiny\", \"messages\": [{\"role\": \"user\", \"content\": \"" + "x".repeat(5000)
                        + "\"}]}");
        HttpResponse<String> r = send(method, path, b);
        assertEquals(status, r.statusCode(), name + ": " + r.body());
        assertEquals(type, Json.mapper().readTree(r.body()).path("error").path("type").asText(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertClean(r);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "undecodable image | IMG",
        "not base64        | data:image/png;base64,@@@@",
        "ftp url           | ftp://x/y.png",
    })
    void badImagesToAVlmAreClientErrors(String name, String url) throws Exception {
        try (LocalBackend vlm = LocalBackend.open(TinyCheckpoints.vlm(dir.resolve(name.replace(' ', '-'))), Device.cpu(),
                ChatTemplates.AUTO); ChatServer vs = new ChatServer(ServedModel.of(vlm), ServeConfig.of("v", 0)).start()) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + vs.port()
                    + "/v1/chat/completions")).POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"v\", \"messages\":"
                    + " [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\", \"image_url\": {\"url\": \""
                    + url.replace("IMG", PNG_GARBAGE) + "\"}}]}]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("invalid_image", Json.mapper().readTree(r.body()).path("error").path("code").asText(), r.body());
            assertClean(r);
        }
    }
}
