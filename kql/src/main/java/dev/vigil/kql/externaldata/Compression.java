package dev.vigil.kql.externaldata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * How a location's bytes are compressed, as Kusto tells it: by the name's last extension,
 * {@code .gz} (GZip) or {@code .zip} (a Zip archive; each file in it is read as a file of its
 * own). The format is then named by the extension before it ({@code users.csv.gz}). Decompressed
 * text is bounded like the bytes read, so that a small archive cannot expand without limit.
 */
public enum Compression {
    NONE(""),
    GZIP(".gz"),
    ZIP(".zip");

    private final String extension;

    Compression(String extension) {
        this.extension = extension;
    }

    /** The compression a path's name says, in any case. */
    public static Compression of(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(GZIP.extension)) {
            return GZIP;
        }
        return lower.endsWith(ZIP.extension) ? ZIP : NONE;
    }

    /** The path without this compression's extension, whose own extension names the format. */
    public String stripped(String path) {
        return path.substring(0, path.length() - extension.length());
    }

    /**
     * The files in these bytes, decoded as UTF-8 (a byte-order mark dropped): one, or for a Zip
     * archive one per file it holds, in its order. No bytes are one empty file.
     *
     * @throws IllegalArgumentException when the bytes are not compressed so, or hold more than
     *     {@code maxBytes} once decompressed
     */
    public List<String> files(byte[] bytes, long maxBytes) {
        if (bytes.length == 0) {
            // nothing at all (an empty file, or a function's check, which reads nothing) is an empty file, whatever its name
            return List.of("");
        }
        try {
            return switch (this) {
                case NONE -> List.of(text(bytes));
                case GZIP -> {
                    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                        yield List.of(text(bounded(in, maxBytes)));
                    }
                }
                case ZIP -> unzipped(bytes, maxBytes);
            };
        } catch (ZipException e) {
            throw new IllegalArgumentException("it is not " + name().toLowerCase(Locale.ROOT) + " data: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("it could not be decompressed: " + e.getMessage());
        }
    }

    private static List<String> unzipped(byte[] bytes, long maxBytes) throws IOException {
        List<String> files = new ArrayList<>();
        long left = maxBytes;
        boolean any = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                any = true;
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] file = bounded(zip, left);
                left -= file.length;
                files.add(text(file));
            }
        }
        if (!any) {
            throw new IllegalArgumentException("it is not a zip archive, or an empty one");
        }
        return files;
    }

    /** All of the stream, or an error once it holds more than {@code maxBytes}. */
    private static byte[] bounded(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException("it holds more than " + maxBytes + " bytes once decompressed, the most externaldata may read");
        }
        return bytes;
    }

    private static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
