package dev.vigil.server.externaldata;

import dev.vigil.kql.ExternalDataException;
import dev.vigil.kql.ExternalDataReader;
import dev.vigil.soc.playbook.HttpStepAllowList;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads what {@code externaldata} names when the {@link ExternalDataAllowList} allows it, and no
 * more than {@code maxBytes} of it. A URL's host must also be public, or its address on the
 * server's list of internal services ({@link HttpStepAllowList}, shared with playbook {@code http}
 * steps), so that an allowed name cannot be pointed at loopback or the plant network. Redirects are
 * not followed: the URL read is the URL allowed.
 */
public final class AllowedExternalData implements ExternalDataReader {
    /** The option that bounds what one location may hold. */
    public static final String MAX_BYTES_OPTION = "--externaldata-max-bytes";
    /** 16 MiB: the rows become constants of the query, so lists, not logs. */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ExternalDataAllowList allowed;
    private final HttpStepAllowList internalAddresses;
    private final long maxBytes;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();

    public AllowedExternalData(ExternalDataAllowList allowed, HttpStepAllowList internalAddresses, long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException(MAX_BYTES_OPTION + " must be at least 1, was " + maxBytes);
        }
        this.allowed = allowed;
        this.internalAddresses = internalAddresses;
        this.maxBytes = maxBytes;
    }

    @Override
    public String read(String location) {
        return ExternalDataAllowList.isUrl(location) ? readUrl(location) : readFile(location);
    }

    private String readUrl(String location) {
        String url = ExternalDataAllowList.normalizedUrl(location)
                .orElseThrow(() -> new ExternalDataException("'" + location + "' is not a valid URL"));
        if (!allowed.allowsUrl(url)) {
            throw notAllowed(location);
        }
        URI uri = URI.create(url);
        Optional<HttpStepAllowList.Refusal> refusal;
        try {
            refusal = internalAddresses.refusal(uri, location);
        } catch (IllegalArgumentException e) {
            throw new ExternalDataException(e.getMessage());
        }
        if (refusal.isPresent()) {
            throw new ExternalDataException("'" + location + "' was refused: " + refusal.get().reason() + "; externaldata reads from such"
                    + " addresses only when the server option " + HttpStepAllowList.OPTION + " lists it (e.g. " + HttpStepAllowList.OPTION
                    + " " + refusal.get().entry() + ")");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new ExternalDataException("'" + location + "' answered HTTP " + response.statusCode()
                            + (response.statusCode() / 100 == 3 ? " (a redirect, which externaldata does not follow)" : ""));
                }
                return bounded(body, location);
            }
        } catch (IOException e) {
            throw new ExternalDataException("'" + location + "' could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalDataException("reading '" + location + "' was interrupted", e);
        }
    }

    private String readFile(String location) {
        Path path = ExternalDataAllowList.path(location)
                .orElseThrow(() -> new ExternalDataException("'" + location + "' is neither an http(s) URL nor an absolute path"));
        Path real;
        try {
            // links resolved first, so that a link inside an allowed directory cannot lead out of it
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw allowed.allowsPath(path) ? new ExternalDataException("'" + location + "' does not exist") : notAllowed(location);
        } catch (IOException e) {
            throw notAllowed(location);
        }
        if (!allowed.allowsPath(real)) {
            throw notAllowed(location);
        }
        if (!Files.isRegularFile(real)) {
            throw new ExternalDataException("'" + location + "' is not a file");
        }
        try (InputStream in = Files.newInputStream(real)) {
            return bounded(in, location);
        } catch (IOException e) {
            throw new ExternalDataException("'" + location + "' could not be read: " + e.getMessage(), e);
        }
    }

    private String bounded(InputStream in, String location) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new ExternalDataException("'" + location + "' holds more than " + maxBytes + " bytes, the most the server option "
                    + MAX_BYTES_OPTION + " lets externaldata read");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private ExternalDataException notAllowed(String location) {
        return new ExternalDataException("'" + location + "' is not allowed: the server option " + ExternalDataAllowList.OPTION
                + " lists the URL prefixes and paths externaldata may read, and this is not one of them");
    }
}
