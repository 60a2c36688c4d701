package dev.vigil.server.externaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.kql.ExternalDataException;
import dev.vigil.kql.ExternalDataLocation;
import dev.vigil.soc.outbound.HttpStepAllowList;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The address rule, DNS pinning and the defaults, with real HTTP servers on loopback and names answered by the test. */
class TestAllowedExternalData {
    private static byte[] read(AllowedExternalData reader, String location) {
        return reader.read(ExternalDataLocation.parse(location));
    }

    @Test
    void testAnAllowedUrlOnLoopbackIsRefusedUnlessTheInternalAddressListHasIt() {
        AllowedExternalData reader = new AllowedExternalData(ExternalDataAllowList.parse(List.of("http://127.0.0.1:9/lists/")),
                HttpStepAllowList.none(), 1024);

        assertThatThrownBy(() -> read(reader, "http://127.0.0.1:9/lists/a.csv"))
                .isInstanceOf(ExternalDataException.class)
                .hasMessageContaining("127.0.0.1 is a loopback address")
                .hasMessageContaining(HttpStepAllowList.OPTION + " 127.0.0.1:9");
    }

    @Test
    void testByDefaultNothingIsAllowed() {
        AllowedExternalData reader = new AllowedExternalData(ExternalDataAllowList.none(), HttpStepAllowList.none(), 1024);

        assertThatThrownBy(() -> read(reader, "https://lists.example/a.csv")).hasMessageContaining("is not allowed");
        assertThatThrownBy(() -> read(reader, "/etc/passwd")).hasMessageContaining("is not allowed");
    }

    @Test
    void testAnEntryThatIsNeitherUrlNorAbsolutePathIsRefusedAtStartup() {
        assertThatThrownBy(() -> ExternalDataAllowList.parse(List.of("lists/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--externaldata-allow 'lists/' is neither an http(s) URL prefix nor an absolute path");
    }

    /**
     * DNS rebinding: {@code lists.test} answers the allowed 127.0.0.1 to its first lookup and
     * 127.0.0.2 (loopback, not allowed) to every later one. A server listens on each, on the same
     * port; the one on 127.0.0.2 must never be asked, neither by the read whose check saw 127.0.0.1
     * nor by the next one, whose check sees 127.0.0.2 and refuses.
     */
    @Test
    void testANameThatResolvesElsewhereAfterItsCheckIsNeverFetchedFromTheSecondAddress() throws IOException {
        AtomicInteger allowedHits = new AtomicInteger();
        AtomicInteger refusedHits = new AtomicInteger();
        HttpServer allowedServer = serve(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), "Host\nbad.example\n", allowedHits);
        int port = allowedServer.getAddress().getPort();
        HttpServer refusedServer = serve(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), port), "Host\ninternal\n", refusedHits);
        AtomicInteger lookups = new AtomicInteger();
        try {
            AllowedExternalData reader = new AllowedExternalData(ExternalDataAllowList.parse(List.of("http://lists.test:" + port + "/lists/")),
                    HttpStepAllowList.parse(List.of("127.0.0.1:" + port)), 1024, host -> rebinding(host, lookups));
            String url = "http://lists.test:" + port + "/lists/hosts.csv";

            assertThat(new String(read(reader, url), StandardCharsets.UTF_8)).isEqualTo("Host\nbad.example\n");
            assertThat(lookups).hasValue(1);
            assertThatThrownBy(() -> read(reader, url)).isInstanceOf(ExternalDataException.class)
                    .hasMessageContaining("lists.test resolves to 127.0.0.2, a loopback address");

            assertThat(allowedHits).hasValue(1);
            assertThat(refusedHits).hasValue(0);
        } finally {
            allowedServer.stop(0);
            refusedServer.stop(0);
        }
    }

    @Test
    void testTheQueryStringAndTokenOfALocationNeverShowInItsErrors() {
        AllowedExternalData reader = new AllowedExternalData(ExternalDataAllowList.parse(List.of("http://127.0.0.1:9/lists/")),
                HttpStepAllowList.none(), 1024);

        assertThatThrownBy(() -> read(reader, "http://127.0.0.1:9/lists/a.csv?sv=2022&sig=s3cretSig"))
                .hasMessageContaining("'http://127.0.0.1:9/lists/a.csv?<hidden>'")
                .hasMessageNotContaining("s3cretSig");
        assertThatThrownBy(() -> read(reader, "http://127.0.0.1:9/lists/a.csv;token=eyJs3cretToken"))
                .hasMessageContaining("sends over https only")
                .hasMessageNotContaining("eyJs3cretToken");
    }

    private static InetAddress[] rebinding(String host, AtomicInteger lookups) throws UnknownHostException {
        if (!host.endsWith(".test")) {
            return InetAddress.getAllByName(host);
        }
        byte last = (byte) (lookups.incrementAndGet() == 1 ? 1 : 2);
        return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, last})};
    }

    private static HttpServer serve(InetSocketAddress address, String body, AtomicInteger hits) throws IOException {
        HttpServer http = HttpServer.create(address, 0);
        http.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        http.start();
        return http;
    }
}
