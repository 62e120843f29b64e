package dev.cota.agent.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a tool's arguments (the JSON object a model wrote) into typed values, answering every
 * missing, unknown or mistyped argument with a {@code bad-arguments} {@link ToolException} the
 * model can read; and builds the JSON-schema objects of {@link Tool#parameters()}.
 */
public final class ToolArguments {

    /** A decimal number as Python's {@code float()} reads one (sign, digits, fraction, exponent). */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private ToolArguments() {
    }

    /** Refuses argument names a tool does not take, so a misspelt one is never silently ignored. */
    public static void checkNames(String tool, Map<String, Object> arguments, Set<String> accepted) {
        for (String name : arguments.keySet()) {
            if (!accepted.contains(name)) {
                throw bad(tool + " has no argument '" + name + "'; it takes "
                        + String.join(", ", new java.util.TreeSet<>(accepted)));
            }
        }
    }

    /** A required string argument. */
    public static String string(Map<String, Object> arguments, String name) {
        Object v = arguments.get(name);
        if (v == null) {
            throw bad("missing argument '" + name + "'");
        }
        if (v instanceof Map || v instanceof List) {
            throw bad("argument '" + name + "' must be a string, got " + v);
        }
        return v.toString();
    }

    /** An optional string argument; {@code fallback} when absent or null. */
    public static String string(Map<String, Object> arguments, String name, String fallback) {
        return arguments.get(name) == null ? fallback : string(arguments, name);
    }

    /** An optional boolean argument ({@code true}/{@code false}, or those words as strings); false when absent. */
    public static boolean flag(Map<String, Object> arguments, String name) {
        Object v = arguments.get(name);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        String s = v.toString().strip();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw bad("argument '" + name + "' must be true or false, got " + v);
    }

    /** A required number, given as a JSON number or as a string holding one. */
    public static double number(Map<String, Object> arguments, String name) {
        Object v = arguments.get(name);
        if (v == null) {
            throw bad("missing argument '" + name + "'");
        }
        return toNumber(name, v);
    }

    /**
     * A list of numbers: a JSON array, or a string holding them as models often write them
     * ({@code "[0.1, 0.2, 0.3, 0.4]"}, {@code "(82, 12, 1088, 1143)"}, as agentlego's
     * {@code parse_multi_float} reads GTA's boxes).
     *
     * @param count the number of values required, or -1 for any number of them
     */
    public static double[] numbers(Map<String, Object> arguments, String name, int count) {
        Object v = arguments.get(name);
        if (v == null) {
            throw bad("missing argument '" + name + "'");
        }
        List<Double> values = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o == null) {
                    throw bad("argument '" + name + "' has a null value: " + v);
                }
                values.add(toNumber(name, o));
            }
        } else if (v instanceof String s) {
            String rest = s.strip();
            if (rest.length() >= 2 && (rest.startsWith("[") && rest.endsWith("]") || rest.startsWith("(") && rest.endsWith(")"))) {
                rest = rest.substring(1, rest.length() - 1);
            }
            for (String part : rest.split(",", -1)) {
                if (!rest.isBlank()) {
                    values.add(toNumber(name, part.strip()));
                }
            }
        } else {
            throw bad("argument '" + name + "' must be a list of numbers, got " + v);
        }
        if (count >= 0 && values.size() != count) {
            throw bad("argument '" + name + "' must have " + count + " numbers, got " + values.size() + ": " + v);
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static double toNumber(String name, Object v) {
        double d;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else if (v instanceof String s && NUMBER.matcher(s.strip()).matches()) {
            d = Double.parseDouble(s.strip());
        } else {
            throw bad("argument '" + name + "' must be a number, got " + v);
        }
        if (!Double.isFinite(d)) {
            throw bad("argument '" + name + "' must be a finite number, got " + v);
        }
        return d;
    }

    /** A {@code bad-arguments} error. */
    public static ToolException bad(String message) {
        return new ToolException("bad-arguments", message);
    }

    /** A JSON-schema object with these properties (in prompt order) and required names. */
    public static Map<String, Object> objectSchema(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        return schema;
    }

    /** One property of a schema: its JSON type ({@code string}, {@code number}, ...) and what it means. */
    public static Map<String, Object> property(String type, String description) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("description", description);
        return p;
    }

    /** An array property of numbers. */
    public static Map<String, Object> numberArray(String description) {
        Map<String, Object> p = property("array", description);
        p.put("items", Map.of("type", "number"));
        return p;
    }
}
