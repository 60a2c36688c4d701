package dev.vigil.kql.functions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The gzip and zlib streams of {@code gzip_*} and {@code zlib_*_base64_string}: UTF-8 text compressed
 * with deflate, or stored uncompressed when deflate would not make it smaller (as Kusto's own output
 * for short strings is), in base64. A gzip header names no file, no time and an unknown system, as
 * Kusto's does.
 */
final class Compression {
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private Compression() {
    }

    static String gzip(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(GZIP_HEADER);
        out.writeBytes(deflate(input, true));
        writeLittleEndian(out, crc.getValue());
        writeLittleEndian(out, input.length & 0xFFFFFFFFL);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static String gunzip(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String zlib(String text) {
        return Base64.getEncoder().encodeToString(deflate(text.getBytes(StandardCharsets.UTF_8), false));
    }

    static String unzlib(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int count = inflater.inflate(buffer);
                if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated zlib stream");
                }
                out.write(buffer, 0, count);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a zlib stream", e);
        } finally {
            inflater.end();
        }
    }

    /** Deflated at the default level, or stored when that is not smaller than the input; {@code raw} leaves out zlib's header and checksum. */
    private static byte[] deflate(byte[] input, boolean raw) {
        byte[] compressed = deflate(input, raw, Deflater.DEFAULT_COMPRESSION);
        int overhead = raw ? 0 : 6;
        return compressed.length - overhead < input.length ? compressed : deflate(input, raw, Deflater.NO_COMPRESSION);
    }

    private static byte[] deflate(byte[] input, boolean raw, int level) {
        Deflater deflater = new Deflater(level, raw);
        try {
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xFF);
        }
    }
}
