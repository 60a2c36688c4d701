package dev.vigil.server.api.ingestion;

import java.io.IOException;
import java.io.InputStream;

/**
 * The unread rest of a body refused for its size. Closing a connection whose request bytes are
 * still arriving makes the kernel reset it, and a client that is still writing then loses the
 * 413 it was sent. A rest up to {@link #DISCARD_LIMIT} is therefore read and dropped before the
 * answer; a larger one is not worth reading, and the connection closes (clients that send
 * {@code Expect: 100-continue} never send such a body at all).
 */
final class RefusedBody {
    /** As much as Tomcat swallows by default: cheap to read, enough for most refused uploads. */
    static final long DISCARD_LIMIT = 2L * 1024 * 1024;

    private RefusedBody() {
    }

    /** Reads and drops up to {@link #DISCARD_LIMIT} bytes of what the client still sends; a failing read ends it quietly. */
    static void discard(InputStream rest) {
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        try {
            int n;
            while (read < DISCARD_LIMIT && (n = rest.read(buffer, 0, (int) Math.min(buffer.length, DISCARD_LIMIT - read))) >= 0) {
                read += n;
            }
        } catch (IOException e) {
            // the client gave up or the connection broke: there is nothing left to spare it from
        }
    }

    /** Whether a body of this declared length is small enough to read and drop. */
    static boolean worthDiscarding(long declaredLength) {
        return declaredLength <= DISCARD_LIMIT;
    }
}
