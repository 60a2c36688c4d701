package dev.vigil.server.externaldata;

import dev.vigil.kql.ExternalDataException;
import dev.vigil.kql.ExternalDataLocation;
import dev.vigil.kql.ExternalDataReader;
import dev.vigil.soc.outbound.HostResolver;
import dev.vigil.soc.outbound.HttpDestinations;
import dev.vigil.soc.outbound.HttpStepAllowList;
import dev.vigil.soc.outbound.RefusedDestinationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.socket.ConnectionSocketFactory;
import org.apache.hc.client5.http.socket.PlainConnectionSocketFactory;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactory;
import org.apache.hc.core5.http.config.Registry;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Reads what {@code externaldata} names when the {@link ExternalDataAllowList} allows it, and no
 * more than {@code maxBytes} of it. A URL's host must also be public, or its address on the
 * server's list of internal services ({@link HttpStepAllowList}, shared with playbook {@code http}
 * steps), and the connection goes to exactly the addresses so checked ({@link HttpDestinations}),
 * so that an allowed name cannot be pointed at loopback or the plant network, not even by answering
 * differently once checked. Redirects are not followed: the URL read is the URL allowed. A
 * {@code ;token=} is sent as a bearer token, over https only; errors name a location by its shown
 * form, which has neither the token nor the query string (a SAS).
 */
public final class AllowedExternalData implements ExternalDataReader {
    /** The option that bounds what one location may hold. */
    public static final String MAX_BYTES_OPTION = "--externaldata-max-bytes";
    /** 16 MiB: the rows become constants of the query, so lists, not logs. */
    public static final long DEFAULT_MAX_BYTES = ExternalDataReader.DEFAULT_MAX_BYTES;
    /** The Azure Storage API version a bearer token needs to be accepted. */
    private static final String STORAGE_VERSION = "2021-08-06";
    private static final Timeout TIMEOUT = Timeout.ofSeconds(30);
    private static final Registry<ConnectionSocketFactory> SOCKETS = RegistryBuilder.<ConnectionSocketFactory>create()
            .register("http", PlainConnectionSocketFactory.getSocketFactory()).register("https", SSLConnectionSocketFactory.getSocketFactory())
            .build();

    private final ExternalDataAllowList allowed;
    private final HttpDestinations destinations;
    private final long maxBytes;

    public AllowedExternalData(ExternalDataAllowList allowed, HttpStepAllowList internalAddresses, long maxBytes) {
        this(allowed, internalAddresses, maxBytes, HostResolver.SYSTEM);
    }

    /** As above, resolving host names with {@code resolver} (a test's). */
    public AllowedExternalData(ExternalDataAllowList allowed, HttpStepAllowList internalAddresses, long maxBytes, HostResolver resolver) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException(MAX_BYTES_OPTION + " must be at least 1, was " + maxBytes);
        }
        this.allowed = allowed;
        this.destinations = new HttpDestinations(internalAddresses, resolver);
        this.maxBytes = maxBytes;
    }

    @Override
    public byte[] read(ExternalDataLocation location) {
        return location.isUrl() ? readUrl(location) : readFile(location);
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    private byte[] readUrl(ExternalDataLocation location) {
        String shown = location.shown();
        String url = ExternalDataAllowList.normalizedUrl(location.target())
                .orElseThrow(() -> new ExternalDataException("'" + shown + "' is not a valid URL"));
        if (!allowed.allowsUrl(url)) {
            throw notAllowed(shown);
        }
        URI uri = URI.create(url);
        HttpGet request = new HttpGet(uri);
        if (location.bearerToken().isPresent()) {
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                throw new ExternalDataException("'" + shown + "' has a ;token, which externaldata sends over https only");
            }
            request.addHeader("Authorization", "Bearer " + location.bearerToken().get());
            request.addHeader("x-ms-version", STORAGE_VERSION);
        }
        RequestConfig config = RequestConfig.custom().setConnectTimeout(TIMEOUT).setResponseTimeout(TIMEOUT).setConnectionRequestTimeout(TIMEOUT)
                .build();
        // one connection per read, whose resolver checks the host's addresses and pins them
        BasicHttpClientConnectionManager connection = new BasicHttpClientConnectionManager(SOCKETS, null, null, destinations.pinned(uri));
        try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(connection).disableRedirectHandling().disableCookieManagement()
                .disableAutomaticRetries().disableAuthCaching().setDefaultRequestConfig(config).build()) {
            return client.execute(request, response -> {
                if (response.getCode() != 200) {
                    throw new ExternalDataException("'" + shown + "' answered HTTP " + response.getCode()
                            + (response.getCode() / 100 == 3 ? " (a redirect, which externaldata does not follow)" : ""));
                }
                if (response.getEntity() == null) {
                    return new byte[0];
                }
                try (InputStream body = response.getEntity().getContent()) {
                    return bounded(body, shown);
                }
            });
        } catch (RefusedDestinationException e) {
            throw refused(e, shown);
        } catch (InterruptedIOException e) {
            throw new ExternalDataException("'" + shown + "' had no answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            // the client's messages name the host and port, never the query string or the token
            throw new ExternalDataException("'" + shown + "' could not be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private static ExternalDataException refused(RefusedDestinationException e, String shown) {
        if (e.refusal().isEmpty()) {
            return new ExternalDataException("the host of '" + shown + "' cannot be resolved: " + e.host());
        }
        HttpStepAllowList.Refusal refusal = e.refusal().get();
        return new ExternalDataException("'" + shown + "' was refused: " + refusal.reason() + "; externaldata reads from such"
                + " addresses only when the server option " + HttpStepAllowList.OPTION + " lists it (e.g. " + HttpStepAllowList.OPTION
                + " " + refusal.entry() + ")");
    }

    private byte[] readFile(ExternalDataLocation location) {
        String shown = location.shown();
        Path path = ExternalDataAllowList.path(location.target())
                .orElseThrow(() -> new ExternalDataException("'" + shown + "' is neither an http(s) URL nor an absolute path"));
        Path real;
        try {
            // links resolved first, so that a link inside an allowed directory cannot lead out of it
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw allowed.allowsPath(path) ? new ExternalDataException("'" + shown + "' does not exist") : notAllowed(shown);
        } catch (IOException e) {
            throw notAllowed(shown);
        }
        if (!allowed.allowsPath(real)) {
            throw notAllowed(shown);
        }
        if (!Files.isRegularFile(real)) {
            throw new ExternalDataException("'" + shown + "' is not a file");
        }
        try (InputStream in = Files.newInputStream(real)) {
            return bounded(in, shown);
        } catch (IOException e) {
            throw new ExternalDataException("'" + shown + "' could not be read: " + e.getMessage(), e);
        }
    }

    private byte[] bounded(InputStream in, String shown) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new ExternalDataException("'" + shown + "' holds more than " + maxBytes + " bytes, the most the server option "
                    + MAX_BYTES_OPTION + " lets externaldata read");
        }
        return bytes;
    }

    private static ExternalDataException notAllowed(String shown) {
        return new ExternalDataException("'" + shown + "' is not allowed: the server option " + ExternalDataAllowList.OPTION
                + " lists the URL prefixes and paths externaldata may read, and this is not one of them");
    }
}
