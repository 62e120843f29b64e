package dev.cota.sft.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One training or evaluation input: a dataset path in any format cota reads, and the codec its
 * assistant turns are rendered with.
 *
 * @param path file or directory (relative to the config file's directory)
 * @param format reader name, {@code auto} (default) to detect it
 * @param codec codec of this source's assistant turns; null for the {@code encode.codec} default
 * @param maxSamples read at most this many traces of the source, in file order (null: all)
 */
public record DataSource(
        @JsonProperty("path") String path,
        @JsonProperty("format") String format,
        @JsonProperty("codec") String codec,
        @JsonProperty("max-samples") Integer maxSamples) {

    public DataSource {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a data source needs a path");
        }
        format = format == null ? "auto" : format;
        if (maxSamples != null && maxSamples <= 0) {
            throw new IllegalArgumentException("max-samples must be positive, got " + maxSamples);
        }
    }
}
