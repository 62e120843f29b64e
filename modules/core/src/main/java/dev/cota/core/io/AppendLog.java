package dev.cota.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON Lines file that a resumable run appends to: each {@link #append} is one write of complete
 * lines, handed to the operating system before it returns, so a killed run keeps every line it
 * finished. Opening an existing file resumes it: a torn last line (no newline: the process died
 * while writing it) is cut off. Used by {@code cota bench run}'s results and {@code cota synth}'s
 * outputs; what the lines mean is the caller's business.
 */
public final class AppendLog implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final long tornBytes;

    private AppendLog(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            long end = lastNewlineEnd(size);
            tornBytes = size - end;
            if (tornBytes > 0) {
                channel.truncate(end);
                channel.force(true);
            }
            channel.position(end);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Opens {@code file} for appending, creating it and its directories, or resuming it. */
    public static AppendLog open(Path file) throws IOException {
        return new AppendLog(file);
    }

    /** The offset just past the last newline, reading backwards in blocks (never the whole file). */
    private long lastNewlineEnd(long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long pos = size;
        while (pos > 0) {
            int n = (int) Math.min(buf.capacity(), pos);
            buf.clear().limit(n);
            long from = pos - n;
            while (buf.hasRemaining()) {
                if (channel.read(buf, from + buf.position()) < 0) {
                    throw new IOException(file + " shrank while it was being read");
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            pos = from;
        }
        return 0;
    }

    public Path file() {
        return file;
    }

    /** How many bytes of a torn last line were cut off when the file was opened (0 when none). */
    public long tornBytes() {
        return tornBytes;
    }

    /** The file's length in bytes: where the next line starts. */
    public long size() throws IOException {
        return channel.position();
    }

    /** The complete lines in the file now, in order (blank lines included, newlines excluded). */
    public List<String> readLines() throws IOException {
        long end = channel.position();
        List<String> lines = new ArrayList<>();
        if (end == 0) {
            return lines;
        }
        String text = new String(Files.readAllBytes(file), 0, (int) Math.min(end, Integer.MAX_VALUE),
                StandardCharsets.UTF_8);
        for (String line : text.split("\n", -1)) {
            lines.add(line);
        }
        lines.remove(lines.size() - 1);
        return lines;
    }

    /**
     * Cuts the file back to {@code size} bytes (a line boundary the caller recorded, e.g. the end of
     * the last unit of work it knows finished); later appends continue from there.
     */
    public void truncate(long size) throws IOException {
        if (size < 0 || size > channel.position()) {
            throw new IllegalArgumentException("cannot cut " + file + " to " + size + " bytes; it has " + channel.position());
        }
        channel.truncate(size);
        channel.force(true);
        channel.position(size);
    }

    /** Appends lines (each without its newline) in one write, then hands them to the operating system. */
    public void append(List<String> lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            if (line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a line of " + file + " cannot contain a newline");
            }
            sb.append(line).append('\n');
        }
        ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
    }

    /** Appends one line. */
    public void append(String line) throws IOException {
        append(List.of(line));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
