package dev.vigil.kql;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one of {@code externaldata}'s storage connection strings names, with its credentials kept
 * apart: a URL's query string (where a SAS token lives) stays part of the URL that is read, an
 * Entra ID token given as {@code ;token=…} is sent as a bearer token, and neither ever appears in
 * {@link #shown()}, the form errors and logs use. {@link #toString()} is the shown form too, so that
 * a location written into a message by mistake carries no secret.
 *
 * @param target the URL (with its query string) or path to read
 * @param bearerToken the token of {@code ;token=…}, when given
 */
public record ExternalDataLocation(String target, Optional<String> bearerToken) {
    /** What a location's query string is shown as: it may hold a SAS token's signature. */
    public static final String HIDDEN_QUERY = "?<hidden>";

    public ExternalDataLocation {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(bearerToken, "bearerToken");
    }

    /**
     * Reads a storage connection string as Kusto writes them: a URL or path, then optionally
     * {@code ;token=TOKEN}. The other authentication methods Kusto documents ({@code ;impersonate},
     * {@code ;managed_identity=…}, a storage account key, {@code ;sharedkey=…},
     * {@code ;AwsCredentials=…}) need Azure's or AWS's identity services, which Vigil does not
     * have: they are refused, by name and never with their value.
     *
     * @throws ExternalDataException naming the unsupported part
     */
    public static ExternalDataLocation parse(String connectionString) {
        String text = connectionString.strip();
        if (!isUrl(text)) {
            return new ExternalDataLocation(text, Optional.empty());
        }
        int separator = text.indexOf(';');
        if (separator < 0) {
            return new ExternalDataLocation(text, Optional.empty());
        }
        String target = text.substring(0, separator);
        Optional<String> token = Optional.empty();
        for (String option : text.substring(separator + 1).split(";", -1)) {
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')).strip() : option.strip();
            String lower = name.toLowerCase(Locale.ROOT);
            String shownTarget = shown(target);
            if (lower.equals("token") && option.contains("=")) {
                String value = option.substring(option.indexOf('=') + 1).strip();
                if (value.isEmpty() || token.isPresent()) {
                    throw new ExternalDataException("'" + shownTarget + "' has " + (value.isEmpty() ? "an empty" : "a second") + " ;token");
                }
                token = Optional.of(value);
            } else if (option.isBlank()) {
                continue;
            } else if (lower.equals("impersonate") || lower.equals("managed_identity") || lower.equals("sharedkey")
                    || lower.equals("awscredentials")) {
                throw new ExternalDataException("'" + shownTarget + "' asks for ;" + name + ", which Vigil does not support: it has no Azure or AWS"
                        + " identity to act as; give a SAS URL or ;token=… instead");
            } else {
                // anything else after ';' is a storage account key (base64, so it may hold '='): never repeated
                throw new ExternalDataException("'" + shownTarget + "' ends in a storage account key (after ';'), which Vigil does not"
                        + " support; give a SAS URL or ;token=… instead");
            }
        }
        return new ExternalDataLocation(target, token);
    }

    /** Whether this is an http(s) URL rather than a path. */
    public boolean isUrl() {
        return isUrl(target);
    }

    /** A URL without its query string and fragment, or the path: what names the file, and its format and compression. */
    public String path() {
        if (!isUrl()) {
            return target;
        }
        String path = target;
        int end = path.length();
        for (char c : new char[] {'?', '#'}) {
            int at = path.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return path.substring(0, end);
    }

    /** The target as errors and logs show it: a URL's query string hidden, no token. */
    public String shown() {
        return shown(target);
    }

    @Override
    public String toString() {
        return shown();
    }

    private static String shown(String target) {
        int query = target.indexOf('?');
        return query < 0 || !isUrl(target) ? target : target.substring(0, query) + HIDDEN_QUERY;
    }

    private static boolean isUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
