package dev.vigil.server.externaldata;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The locations {@code externaldata} may read, as the operator listed them: URL prefixes
 * ({@code https://lists.example.com/iocs/}) and directories or files ({@code /srv/vigil/lists}).
 * A URL is allowed when it starts with a URL prefix after normalisation (so {@code ..} cannot climb
 * out of one); a path when it is, or is inside, a listed path. Empty by default: nothing is read.
 */
public record ExternalDataAllowList(List<String> urlPrefixes, List<Path> paths) {
    /** The server option that sets the list, named in the error of a refused location. */
    public static final String OPTION = "--externaldata-allow";

    public ExternalDataAllowList {
        urlPrefixes = List.copyOf(urlPrefixes);
        paths = List.copyOf(paths);
    }

    public static ExternalDataAllowList none() {
        return new ExternalDataAllowList(List.of(), List.of());
    }

    /**
     * Parses entries: {@code http://} and {@code https://} URLs are URL prefixes, absolute paths
     * (or {@code file:} URLs) are paths. Throws {@link IllegalArgumentException} naming the first
     * entry that is neither.
     */
    public static ExternalDataAllowList parse(List<String> entries) {
        List<String> prefixes = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (isUrl(entry)) {
                prefixes.add(normalizedUrl(entry).orElseThrow(() -> new IllegalArgumentException(
                        OPTION + " '" + entry + "' is not a valid URL")));
            } else {
                paths.add(path(entry).orElseThrow(() -> new IllegalArgumentException(
                        OPTION + " '" + entry + "' is neither an http(s) URL prefix nor an absolute path")));
            }
        }
        return new ExternalDataAllowList(prefixes, paths);
    }

    static boolean isUrl(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** Whether this normalised URL is under a listed prefix. */
    boolean allowsUrl(String normalizedUrl) {
        return urlPrefixes.stream().anyMatch(normalizedUrl::startsWith);
    }

    /** Whether this real path (links resolved) is a listed path or inside one. */
    boolean allowsPath(Path realPath) {
        return paths.stream().anyMatch(realPath::startsWith);
    }

    /** The URL with its scheme and host in lower case and its path without {@code .} and {@code ..}; empty when it is not a URL. */
    static Optional<String> normalizedUrl(String text) {
        try {
            URI uri = new URI(text).normalize();
            if (uri.getHost() == null || uri.getRawPath() != null && uri.getRawPath().startsWith("/..")) {
                return Optional.empty();
            }
            return Optional.of(new URI(uri.getScheme().toLowerCase(Locale.ROOT), uri.getRawAuthority().toLowerCase(Locale.ROOT),
                    null, null, null).toString() + Optional.ofNullable(uri.getRawPath()).orElse("")
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** An absolute path, or the path of a {@code file:} URL, normalised; empty for anything else. */
    static Optional<Path> path(String text) {
        try {
            if (text.toLowerCase(Locale.ROOT).startsWith("file:")) {
                return Optional.of(Path.of(new URI(text)).normalize());
            }
            Path path = Path.of(text);
            return path.isAbsolute() ? Optional.of(path.normalize()) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The entries, for the server's start-up line and errors. */
    @Override
    public String toString() {
        return urlPrefixes.isEmpty() && paths.isEmpty() ? "(none)"
                : Stream.concat(urlPrefixes.stream(), paths.stream().map(Path::toString)).collect(Collectors.joining(", "));
    }
}
