package dev.cota.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cota.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads configs strictly. YAML ({@code .yaml}/{@code .yml}) or JSON by file name; unknown keys,
 * wrong types and failed validation are {@link ConfigException}s that name the file, the key path
 * and, when known, the line. {@code key=value} overrides (the CLI's {@code --set}) address nested
 * keys with dots and are parsed as YAML scalars.
 */
public final class Configs {

    private Configs() {
    }

    /** Binds a config file to {@code type}. */
    public static <T> T load(Path file, Class<T> type) {
        return load(file, type, List.of());
    }

    /** Binds a config file to {@code type} after applying {@code key=value} overrides. */
    public static <T> T load(Path file, Class<T> type, List<String> overrides) {
        return bind(readTree(file, overrides), type, file.toString());
    }

    /** The config file as a tree (for provenance: the resolved config is saved beside a run). */
    public static JsonNode readTree(Path file) {
        ObjectMapper mapper = mapperFor(file);
        try {
            JsonNode tree = mapper.readTree(Files.readAllBytes(file));
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return mapper.createObjectNode();
            }
            if (!tree.isObject()) {
                throw new ConfigException(file + ": a config must be a mapping of keys to values");
            }
            return tree;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such config file");
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + lineOf(e.getLocation()) + ": not valid "
                    + (mapper == Json.yaml() ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The config file as a tree with {@code key=value} overrides applied (the resolved config a run records). */
    public static JsonNode readTree(Path file, List<String> overrides) {
        JsonNode tree = readTree(file);
        applyOverrides(tree, overrides, file);
        return tree;
    }

    /** Binds a tree to {@code type}; {@code origin} names the source in error messages. */
    public static <T> T bind(JsonNode tree, Class<T> type, String origin) {
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(origin + ": unknown config key '" + path(e) + "'"
                    + (known.isEmpty() ? "" : " (known keys here: " + known + ")"));
        } catch (JsonMappingException e) {
            // Jackson builds a record before it reports the unknown keys it buffered, so a typo for a
            // required key ("ratoi") would surface as the constructor's complaint; name the typo instead.
            Unknown unknown = unknownKey(tree, Json.mapper().constructType(type), "");
            if (unknown != null) {
                throw new ConfigException(origin + ": unknown config key '" + unknown.path() + "'"
                        + (unknown.known().isEmpty() ? "" : " (known keys here: " + unknown.known() + ")"), e);
            }
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root instanceof IllegalArgumentException || root instanceof NullPointerException
                    ? root.getMessage() : e.getOriginalMessage();
            if (why != null && why.startsWith("Cannot map `null` into type")) {
                why = "is required";
            }
            String at = path(e);
            throw new ConfigException(origin + ": " + (at.isEmpty() ? "" : "key '" + at + "': ") + firstLine(why), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(origin + ": " + firstLine(e.getOriginalMessage()), e);
        }
    }

    /** An unknown key's path and the keys its object does know, sorted. */
    private record Unknown(String path, String known) {
    }

    /** The first key of {@code node} that {@code type} has no property for; null when none. */
    private static Unknown unknownKey(JsonNode node, JavaType type, String at) {
        if (node == null || type == null) {
            return null;
        }
        if (node.isArray() && type.isCollectionLikeType()) {
            for (int i = 0; i < node.size(); i++) {
                Unknown u = unknownKey(node.get(i), type.getContentType(), at + "[" + i + "]");
                if (u != null) {
                    return u;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        if (type.isMapLikeType()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var f = it.next();
                Unknown u = unknownKey(f.getValue(), type.getContentType(), join(at, f.getKey()));
                if (u != null) {
                    return u;
                }
            }
            return null;
        }
        Class<?> raw = type.getRawClass();
        if (raw.isPrimitive() || raw.getName().startsWith("java.") || JsonNode.class.isAssignableFrom(raw)) {
            return null;
        }
        Map<String, JavaType> props = new HashMap<>();
        BeanDescription bean = Json.mapper().getDeserializationConfig().introspect(type);
        for (BeanPropertyDefinition d : bean.findProperties()) {
            props.put(d.getName(), d.getPrimaryType());
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var f = it.next();
            if (!props.containsKey(f.getKey())) {
                return new Unknown(join(at, f.getKey()), props.keySet().stream().sorted()
                        .collect(Collectors.joining(", ")));
            }
            Unknown u = unknownKey(f.getValue(), props.get(f.getKey()), join(at, f.getKey()));
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    private static String join(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    /**
     * Applies {@code a.b.c=value} overrides in place; a numeric key indexes a list
     * ({@code data.train.0.path=...} sets the first source's path).
     */
    public static void applyOverrides(JsonNode tree, List<String> overrides, Path file) {
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set " + o + ": expected key=value");
            }
            String[] keys = o.substring(0, eq).split("\\.");
            JsonNode value = scalar(o.substring(eq + 1));
            JsonNode node = tree;
            for (int i = 0; i < keys.length; i++) {
                boolean last = i == keys.length - 1;
                if (node instanceof ArrayNode list) {
                    int index = listIndex(keys[i], list, o, file);
                    if (last) {
                        list.set(index, value);
                    } else {
                        node = list.get(index);
                    }
                    continue;
                }
                if (!(node instanceof ObjectNode map)) {
                    throw new ConfigException("--set " + o + ": '" + keys[i - 1] + "' in " + file + " is not a mapping or a list");
                }
                if (last) {
                    map.set(keys[i], value);
                } else {
                    JsonNode child = map.get(keys[i]);
                    node = child == null || child.isNull() ? map.putObject(keys[i]) : child;
                }
            }
        }
    }

    private static int listIndex(String key, ArrayNode list, String override, Path file) {
        try {
            int index = Integer.parseInt(key);
            if (index >= 0 && index < list.size()) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("--set " + override + ": '" + key + "' is not an index of a list of " + list.size()
                + " in " + file);
    }

    private static JsonNode scalar(String raw) {
        try {
            JsonNode v = Json.yaml().readTree(raw);
            return v == null || v.isMissingNode() ? TextNode.valueOf(raw) : v;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(raw);
        }
    }

    private static ObjectMapper mapperFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".json") ? Json.mapper() : Json.yaml();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String lineOf(JsonLocation loc) {
        return loc == null || loc.getLineNr() <= 0 ? "" : ":" + loc.getLineNr();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
