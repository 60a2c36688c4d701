package dev.vigil.iot.twin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The twins' write-ahead journal: a twin change counts as stored once its line is in this file
 * and the file is forced to disk. That costs a write and an fdatasync (well under a millisecond
 * on an idle disk), where a state-store commit of a few twins cost 75-145 ms on the loaded
 * 2-core machine the benchmarks ran on: the commit is CPU, which a loaded machine hands out
 * slowly. The state store receives each change after it is journaled ({@link Twins}' write-behind),
 * and a start replays the journal over the stored twins, so a change whose store write never
 * happened (a crash in between) is not lost.
 *
 * <p>One line per change, {@code {"key":...,"twin":{...}}}, or {@code "twin":null} when the twin
 * was removed. A crash during an append can leave a last line cut short: that change was never
 * acknowledged, and replay drops it.
 */
final class TwinJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TwinJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One change: the twin's state after it, or null when the twin was removed. */
    record Entry(String key, Twin twin) {
    }

    private final Path file;
    private final FileChannel channel;

    private TwinJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (or creates) the journal at {@code file}; {@link #replay} reads what an earlier run left in it. */
    static TwinJournal open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new TwinJournal(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the twin journal '" + file + "'", e);
        }
    }

    /** The changes journaled and not yet known to be in the state store, oldest first. */
    List<Entry> replay() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the twin journal '" + file + "'", e);
        }
        List<Entry> entries = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            try {
                entries.add(JSON.readValue(lines.get(i), Entry.class));
            } catch (JsonProcessingException e) {
                if (i < lines.size() - 1) {
                    throw new IllegalStateException("line " + (i + 1) + " of the twin journal '" + file + "' is not a journaled twin change: "
                            + e.getOriginalMessage(), e);
                }
                // the last line, cut short by a crash during its append: never acknowledged
                LOG.warn("dropping the incomplete last line of the twin journal '{}' (a crash during a write)", file);
            }
        }
        return entries;
    }

    /** Appends the changes and forces them to disk; once this returns they survive a crash. */
    void append(List<Entry> entries) {
        StringBuilder lines = new StringBuilder();
        try {
            for (Entry entry : entries) {
                lines.append(JSON.writeValueAsString(entry)).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a twin change cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        long before = size();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            // a line cut short in the middle of the journal would stop every later start: cut it off
            try {
                channel.truncate(before);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw new UncheckedIOException("cannot write the twin journal '" + file + "'", e);
        }
    }

    /** The journal's size in bytes. */
    long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of the twin journal '" + file + "'", e);
        }
    }

    /** Empties the journal: called once the state store holds every change in it. */
    void clear() {
        try {
            channel.truncate(0);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the twin journal '" + file + "'", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the twin journal '" + file + "'", e);
        }
    }
}
