package dev.vigil.server.api.ingestion;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a request body through until it exceeds the limit, then fails. Catches bodies sent
 * without Content-Length (chunked) or with a false one, and compressed bodies that inflate past
 * the limit (a zip bomb stops at the limit, not at the end of its output).
 */
final class LimitedInputStream extends FilterInputStream {

    /** An IOException, so that JSON parsing passes it through unwrapped. */
    static final class LimitExceeded extends IOException {
        private final boolean decompressed;

        LimitExceeded(long limit, boolean decompressed) {
            super("the body " + (decompressed ? "decompressed " : "") + "exceeds " + limit + " bytes");
            this.decompressed = decompressed;
        }

        /** Whether the limit was exceeded by inflating a compressed body. */
        boolean decompressed() {
            return decompressed;
        }
    }

    private final long limit;
    private final boolean decompressed;
    private long count;

    /** @param decompressed whether {@code in} inflates a compressed body, for the error to say so */
    LimitedInputStream(InputStream in, long limit, boolean decompressed) {
        super(in);
        this.limit = limit;
        this.decompressed = decompressed;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws LimitExceeded {
        count += n;
        if (count > limit) {
            throw new LimitExceeded(limit, decompressed);
        }
    }
}
