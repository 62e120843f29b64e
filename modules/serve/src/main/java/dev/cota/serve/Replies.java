package dev.cota.serve;

import com.sun.net.httpserver.HttpExchange;
import dev.cota.core.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Reading request bodies within the size limit and writing JSON answers, for every endpoint. */
final class Replies {

    private Replies() {
    }

    /** The body, or a 413 {@link ApiError} past {@code limit} bytes (checked on the header first). */
    static byte[] body(HttpExchange exchange, int limit) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > limit) {
                    throw tooLarge(limit);
                }
            } catch (NumberFormatException e) {
                throw ApiError.invalid(null, "the Content-Length header is not a number");
            }
        }
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(limit + 1);
        }
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        return bytes;
    }

    private static ApiError tooLarge(int limit) {
        return new ApiError(413, "invalid_request_error", "request_too_large", null,
                "the request body is larger than " + limit + " bytes");
    }

    /** Writes {@code body} as JSON with {@code status}. */
    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JsonValues.toJson(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Writes an error in OpenAI's shape. */
    static void error(HttpExchange exchange, ApiError e) throws IOException {
        if (e.status() == 429) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        json(exchange, e.status(), e.body());
    }
}
