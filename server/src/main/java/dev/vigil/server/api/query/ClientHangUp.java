package dev.vigil.server.api.query;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when the client of a running query closes its connection, so that the query is
 * cancelled instead of running on for nobody.
 *
 * <p>While a handler runs, Jetty does not read from the connection, so a hang-up would only show
 * when the answer is written, possibly minutes later. This asks Jetty to tell when the connection
 * becomes readable: the body has been read already and an HTTP/1.1 client sends nothing more
 * before its answer, so readable means the connection was closed (a read gives end of stream).
 * That interest cannot be withdrawn, and it would take the first bytes of a next request on the
 * same connection, so the answer carries {@code Connection: close}: each query gets a connection
 * of its own. A client that pipelines a request behind a query loses it; none of the usual ones do.
 * The query API and the console's Logs page both watch their queries' clients with it.
 */
public final class ClientHangUp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClientHangUp.class);

    private final EndPoint endPoint;
    private final Runnable onHangUp;
    private volatile boolean closed;

    private ClientHangUp(EndPoint endPoint, Runnable onHangUp) {
        this.endPoint = endPoint;
        this.onHangUp = onHangUp;
    }

    /** Starts watching the request's connection; without a plain HTTP/1.1 connection, watches nothing. */
    public static ClientHangUp watch(Context ctx, Runnable onHangUp) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        EndPoint endPoint = request == null ? null : request.getConnectionMetaData().getConnection().getEndPoint();
        ClientHangUp watch = new ClientHangUp(endPoint, onHangUp);
        if (endPoint != null && request.getConnectionMetaData().getHttpVersion().getVersion() <= 11 && watch.listen()) {
            ctx.header("Connection", "close");
        }
        return watch;
    }

    private boolean listen() {
        return endPoint.tryFillInterested(new Callback() {
            @Override
            public void succeeded() {
                readable();
            }

            @Override
            public void failed(Throwable failure) {
                hungUp();
            }
        });
    }

    private void readable() {
        if (closed) {
            return;
        }
        try {
            ByteBuffer buffer = BufferUtil.allocate(1);
            int read = endPoint.fill(buffer);
            if (read < 0) {
                hungUp();
            } else if (read == 0) {
                listen();
            }
            // a byte of a pipelined request: not a hang-up; the connection closes after this answer
        } catch (IOException e) {
            hungUp();
        }
    }

    private void hungUp() {
        if (!closed) {
            LOG.debug("the client of a running query closed its connection");
            onHangUp.run();
        }
    }

    /** Stops watching: the query has finished. */
    @Override
    public void close() {
        closed = true;
    }
}
