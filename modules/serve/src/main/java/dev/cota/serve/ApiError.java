package dev.cota.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the server answers with an error, in the OpenAI error shape
 * {@code {"error": {"message", "type", "param", "code"}}} and its HTTP status. The message is one
 * line meant for the client: it never holds a stack trace, a key or a host path.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String param;
    private final String code;

    public ApiError(int status, String type, String code, String param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    /** 400 {@code invalid_request_error}: the request is wrong in {@code param} (null: as a whole). */
    public static ApiError invalid(String param, String message) {
        return new ApiError(400, "invalid_request_error", null, param, message);
    }

    /** 400 with a machine-readable code, e.g. {@code context_length_exceeded}. */
    public static ApiError invalid(String param, String code, String message) {
        return new ApiError(400, "invalid_request_error", code, param, message);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    /** The error object, as the body of the response. */
    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", getMessage());
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return Map.of("error", error);
    }
}
