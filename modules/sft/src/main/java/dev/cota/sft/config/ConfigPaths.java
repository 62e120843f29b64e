package dev.cota.sft.config;

import dev.cota.core.config.ConfigException;
import dev.cota.core.config.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * How a training config's paths are read: relative to the config file's directory, made absolute,
 * and checked to exist, so a typo fails before any work with the key that holds it.
 */
public final class ConfigPaths {

    private ConfigPaths() {
    }

    /**
     * Binds a training config strictly (overrides applied), then resolves its paths against the
     * file's directory with {@code resolve}; a path error names the file.
     */
    public static <T> T load(Path file, List<String> overrides, Class<T> type, BiFunction<T, Path, T> resolve) {
        T bound = Configs.bind(Configs.readTree(file, overrides), type, file.toString());
        try {
            return resolve.apply(bound, file.toAbsolutePath().getParent());
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /** {@code path} against {@code base}, checked to exist; null stays null. */
    public static String existing(Path base, String path, String key) {
        if (path == null) {
            return null;
        }
        Path p = base.resolve(path).normalize();
        if (!Files.exists(p)) {
            throw new ConfigException(key + ": " + p + " does not exist");
        }
        return p.toString();
    }

    /** The model section with its paths resolved. */
    public static ModelSection model(Path base, ModelSection m) {
        return new ModelSection(existing(base, m.path(), "model.path"), existing(base, m.init(), "model.init"),
                existing(base, m.tokenizer(), "model.tokenizer"), m.trainTokenizer(), m.seed());
    }

    /** Data sources with their paths resolved; {@code key} names the list in errors ({@code data.train}). */
    public static List<DataSource> sources(Path base, List<DataSource> in, String key) {
        List<DataSource> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            DataSource s = in.get(i);
            out.add(new DataSource(existing(base, s.path(), key + "[" + i + "].path"), s.format(), s.codec(),
                    s.maxSamples()));
        }
        return out;
    }
}
