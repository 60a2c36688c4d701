package dev.vigil.server.api.ingestion;

import dev.vigil.server.api.UnsupportedMediaTypeException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * How an ingestion body may be compressed: not at all, gzip, or deflate (zlib), as Log Analytics
 * clients send it ({@code Content-Encoding: gzip}).
 */
enum ContentEncoding {
    IDENTITY, GZIP, DEFLATE;

    static final List<String> SUPPORTED = List.of("gzip", "deflate");
    private static final int BUFFER = 1 << 16;

    /** The encoding a {@code Content-Encoding} header names; none is {@link #IDENTITY}. */
    static ContentEncoding of(String header) {
        if (header == null || header.isBlank()) {
            return IDENTITY;
        }
        return switch (header.trim().toLowerCase(Locale.ROOT)) {
            case "identity" -> IDENTITY;
            case "gzip", "x-gzip" -> GZIP;
            case "deflate" -> DEFLATE;
            default -> throw UnsupportedMediaTypeException.contentEncoding(header.trim(), SUPPORTED);
        };
    }

    String headerValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The decoded body, inflated as it is read, so that its size can be limited as it grows.
     *
     * @throws java.util.zip.ZipException or {@link java.io.EOFException}, now or on reading, when
     *         the body is not what the encoding says
     */
    InputStream decode(InputStream body) throws IOException {
        return switch (this) {
            case IDENTITY -> body;
            case GZIP -> new GZIPInputStream(body, BUFFER);
            case DEFLATE -> new InflaterInputStream(new BufferedInputStream(body, BUFFER));
        };
    }
}
