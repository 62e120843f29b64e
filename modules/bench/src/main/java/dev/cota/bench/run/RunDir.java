package dev.cota.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cota.core.config.ConfigException;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import dev.cota.core.json.JsonValues;
import dev.cota.core.provenance.Provenance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A run directory's {@code config.yaml} (the resolved suite config, model and options) and
 * {@code provenance.json}, written atomically when the run starts. A resumed run must have the same
 * config, except for the keys in {@link #MAY_CHANGE}: a larger {@code limit} extends a run, and the
 * device does not change what is asked. The provenance is the first start's.
 */
final class RunDir {

    static final String CONFIG = "config.yaml";
    static final String PROVENANCE = "provenance.json";
    /** Keys a resumed run may change. */
    static final List<String> MAY_CHANGE = List.of("limit", "device");

    private RunDir() {
    }

    /**
     * Writes the config and provenance of a new run, or checks a resumed run's config.
     *
     * @return true when the directory already held a run (a resume)
     * @throws ConfigException when the stored config differs
     */
    static boolean prepare(Path out, Map<String, Object> config, String dataHash) throws IOException {
        Path file = out.resolve(CONFIG);
        JsonNode now = Json.mapper().valueToTree(config);
        if (Files.exists(file)) {
            JsonNode stored = Json.yaml().readTree(Files.readAllBytes(file));
            String diff = firstDifference(stored, now, "");
            if (diff != null) {
                throw new ConfigException(file + ": the run there has another config (" + diff
                        + "); resume it with the same options or use a new --out");
            }
            return true;
        }
        Files.createDirectories(out);
        AtomicOutput.write(file, Json.yaml().writeValueAsBytes(config));
        Provenance p = Provenance.capture("bench run", now, dataHash, null);
        AtomicOutput.write(out.resolve(PROVENANCE), (JsonValues.toJson(p.toJson()) + "\n").getBytes(StandardCharsets.UTF_8));
        return false;
    }

    /** {@code key: stored vs now} of the first key that differs, ignoring {@link #MAY_CHANGE} at the top. */
    private static String firstDifference(JsonNode stored, JsonNode now, String at) {
        if (stored instanceof ObjectNode a && now instanceof ObjectNode b) {
            java.util.Set<String> keys = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (Iterator<String> it = keys.iterator(); it.hasNext(); ) {
                String k = it.next();
                if (at.isEmpty() && MAY_CHANGE.contains(k)) {
                    continue;
                }
                String d = firstDifference(a.path(k), b.path(k), at.isEmpty() ? k : at + "." + k);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (stored.equals(now) || (stored.isNumber() && now.isNumber() && stored.asText().equals(now.asText()))) {
            return null;
        }
        return at + ": " + show(stored) + " then, " + show(now) + " now";
    }

    private static String show(JsonNode n) {
        return n.isMissingNode() ? "absent" : n.toString();
    }
}
