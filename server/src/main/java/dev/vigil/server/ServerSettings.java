package dev.vigil.server;

import dev.vigil.server.query.QueryConcurrency;
import dev.vigil.soc.outbound.HttpStepAllowList;
import dev.vigil.workspace.api.StorageSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How one Vigil server runs.
 *
 * @param storage where the data lives and how ingestion batches
 * @param host the interface to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port the TCP port; 0 picks a free one
 * @param maxBodyBytes request bodies larger than this are refused with 413
 * @param iot the device endpoints (hub domain, MQTT listeners)
 * @param access trusted proxies and login limits
 * @param queries how many interactive queries may run at once
 * @param tls the server's certificate and the HTTPS port
 * @param contentPacks the folder of content packs the console's Content hub installs from; empty for {@code <data>/content}
 * @param playbookHttpAllow the loopback, private and link-local addresses playbook {@code http} steps may call (none by default)
 */
public record ServerSettings(StorageSettings storage, String host, int port, long maxBodyBytes, IotSettings iot, AccessSettings access,
                             QueryConcurrency queries, TlsSettings tls, Optional<Path> contentPacks,
                             HttpStepAllowList playbookHttpAllow) {

    /** 32 MiB: large enough for a batch of tens of thousands of alerts, small enough to hold in memory. */
    public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

    public ServerSettings {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        Objects.requireNonNull(iot, "iot");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(contentPacks, "contentPacks");
        Objects.requireNonNull(playbookHttpAllow, "playbookHttpAllow");
    }

    /** With the content packs in {@code <data>/content} and no private address open to playbook {@code http} steps. */
    public ServerSettings(StorageSettings storage, String host, int port, long maxBodyBytes, IotSettings iot, AccessSettings access,
            QueryConcurrency queries, TlsSettings tls) {
        this(storage, host, port, maxBodyBytes, iot, access, queries, tls, Optional.empty(), HttpStepAllowList.none());
    }

    /** Without TLS. */
    public ServerSettings(StorageSettings storage, String host, int port, long maxBodyBytes, IotSettings iot, AccessSettings access,
            QueryConcurrency queries) {
        this(storage, host, port, maxBodyBytes, iot, access, queries, TlsSettings.none());
    }

    /** With the default access settings (no trusted proxy, the default login limits) and {@link QueryConcurrency}. */
    public ServerSettings(StorageSettings storage, String host, int port, long maxBodyBytes, IotSettings iot) {
        this(storage, host, port, maxBodyBytes, iot, AccessSettings.defaults(), QueryConcurrency.defaults());
    }

    /** With the IoT defaults: MQTT in plaintext on a free loopback port. */
    public ServerSettings(StorageSettings storage, String host, int port, long maxBodyBytes) {
        this(storage, host, port, maxBodyBytes, IotSettings.localDefaults());
    }

    public ServerSettings withAccess(AccessSettings changed) {
        return new ServerSettings(storage, host, port, maxBodyBytes, iot, changed, queries, tls, contentPacks, playbookHttpAllow);
    }

    public ServerSettings withStorage(StorageSettings changed) {
        return new ServerSettings(changed, host, port, maxBodyBytes, iot, access, queries, tls, contentPacks, playbookHttpAllow);
    }

    public ServerSettings withQueries(QueryConcurrency changed) {
        return new ServerSettings(storage, host, port, maxBodyBytes, iot, access, changed, tls, contentPacks, playbookHttpAllow);
    }

    public ServerSettings withIot(IotSettings changed) {
        return new ServerSettings(storage, host, port, maxBodyBytes, changed, access, queries, tls, contentPacks, playbookHttpAllow);
    }

    public ServerSettings withTls(TlsSettings changed) {
        return new ServerSettings(storage, host, port, maxBodyBytes, iot, access, queries, changed, contentPacks, playbookHttpAllow);
    }

    public ServerSettings withPlaybookHttpAllow(HttpStepAllowList changed) {
        return new ServerSettings(storage, host, port, maxBodyBytes, iot, access, queries, tls, contentPacks, changed);
    }

    public ServerSettings withContentPacks(Path folder) {
        return new ServerSettings(storage, host, port, maxBodyBytes, iot, access, queries, tls, Optional.of(folder), playbookHttpAllow);
    }

    /** The folder of content packs: the one set, else {@code <data>/content}. */
    public Path contentPackDirectory() {
        return contentPacks.orElseGet(() -> storage.dataDirectory().resolve("content"));
    }
}
