package dev.cota.synth.mmtraj;

import dev.cota.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline's prompt texts, one file each in the recipe's prompt directory
 * ({@code configs/synth/mm-traj/}); leading lines starting with {@code "# "} are comments (each file
 * names the MAT-Agent prompt it reproduces) and are not sent. Placeholders ({@code <query>},
 * {@code TOOL_SET}, ...) are filled by {@link #fill}.
 */
public record MmTrajPrompts(String query, String filePlanSystem, String filePlanUser, String fileContentSystem,
                            String fileContentUser, String queryFileImagesSystem, String queryFileImagesUser,
                            String queryFileFilesSystem, String queryFileFilesUser, String trajectoryImagesSystem,
                            String trajectoryImagesUser, String trajectoryFilesSystem, String trajectoryFilesUser) {

    /** The file names, in component order. */
    public static final List<String> FILES = List.of("query.txt", "file-plan-system.txt", "file-plan-user.txt",
            "file-content-system.txt", "file-content-user.txt", "query-file-verifier-images-system.txt",
            "query-file-verifier-images-user.txt", "query-file-verifier-files-system.txt",
            "query-file-verifier-files-user.txt", "trajectory-verifier-images-system.txt",
            "trajectory-verifier-images-user.txt", "trajectory-verifier-files-system.txt",
            "trajectory-verifier-files-user.txt");

    /** Reads every prompt file of {@code dir}; a missing one is a config error naming it. */
    public static MmTrajPrompts load(Path dir) {
        List<String> t = new ArrayList<>();
        for (String name : FILES) {
            Path f = dir.resolve(name);
            try {
                t.add(strip(Files.readString(f, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new ConfigException("mm-traj prompt " + f + ": cannot read it (" + e.getClass().getSimpleName()
                        + "); the prompt directory needs " + String.join(", ", FILES));
            }
        }
        return new MmTrajPrompts(t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5), t.get(6), t.get(7),
                t.get(8), t.get(9), t.get(10), t.get(11), t.get(12));
    }

    /** {@code template} with each key replaced by its value (values are not scanned again). */
    public static String fill(String template, Map<String, String> values) {
        if (values.isEmpty()) {
            return template;
        }
        StringBuilder keys = new StringBuilder();
        for (String k : values.keySet()) {
            keys.append(keys.length() == 0 ? "" : "|").append(Pattern.quote(k));
        }
        Matcher m = Pattern.compile(keys.toString()).matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String strip(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty() && lines.get(0).startsWith("# ")) {
            lines.remove(0);
        }
        return String.join("\n", lines).strip();
    }
}
