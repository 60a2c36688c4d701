package dev.vigil.server.cli;

import dev.vigil.iot.dedup.DedupSettings;
import dev.vigil.iot.endpoint.mqtt.MqttSettings;
import dev.vigil.server.AccessSettings;
import dev.vigil.server.IotSettings;
import dev.vigil.iot.endpoint.tls.TlsIdentity;
import dev.vigil.server.ServerSettings;
import dev.vigil.server.TlsSettings;
import dev.vigil.server.tls.SelfSignedCertificate;
import dev.vigil.server.tls.ServerCertificates;
import dev.vigil.server.api.access.TrustedProxies;
import dev.vigil.server.identity.LoginLimits;
import dev.vigil.server.query.QueryConcurrency;
import dev.vigil.workspace.api.QueryLimits;
import dev.vigil.server.externaldata.AllowedExternalData;
import dev.vigil.server.externaldata.ExternalDataAllowList;
import dev.vigil.workspace.api.StorageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import dev.vigil.soc.outbound.HttpStepAllowList;
import picocli.CommandLine.Option;

/** The options {@code serve} and {@code demo} share. */
final class ServerOptions {
    private static final StorageSettings DEFAULTS = StorageSettings.defaults(Path.of("vigil-data"));
    private static final QueryConcurrency QUERY_CONCURRENCY = QueryConcurrency.defaults();

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("vigil-data");

    @Option(names = "--content-dir", paramLabel = "DIR", description = "Folder of content packs (one folder each) that the console's Content hub installs from (default: DATA/content).")
    Path contentDir;

    @Option(names = "--port", description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--host", description = "Interface to listen on; 0.0.0.0 serves other machines too (default: ${DEFAULT-VALUE}, this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--batch-max-rows", paramLabel = "N", description = "A group commit closes at this many rows (default: ${DEFAULT-VALUE}).")
    int batchMaxRows = DEFAULTS.batchMaxRows();

    @Option(names = "--batch-max-delay-ms", paramLabel = "MS", description = "...or after this many milliseconds (default: ${DEFAULT-VALUE}).")
    long batchMaxDelayMs = DEFAULTS.batchMaxDelay().toMillis();

    @Option(names = "--queue-max-rows", paramLabel = "N", description = "Rows waiting for commit beyond which ingestion answers 429 (default: ${DEFAULT-VALUE}).")
    int queueMaxRows = DEFAULTS.queueMaxRows();

    @Option(names = "--max-body-bytes", paramLabel = "BYTES", description = "Largest request body; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes = ServerSettings.DEFAULT_MAX_BODY_BYTES;

    @Option(names = "--query-max-rows", paramLabel = "N", description = "Query results are cut after this many rows, with a partial error (default: ${DEFAULT-VALUE}).")
    int queryMaxRows = QueryLimits.DEFAULT_MAX_RESULT_ROWS;

    @Option(names = "--query-max-bytes", paramLabel = "BYTES", description = "...or once their rows pass this size as JSON (default: ${DEFAULT-VALUE}, 64 MiB).")
    long queryMaxBytes = QueryLimits.DEFAULT_MAX_RESULT_BYTES;

    @Option(names = "--query-timeout-s", paramLabel = "S", description = "A query running longer is stopped (504), unless it asks otherwise with 'Prefer: wait=N' (default: ${DEFAULT-VALUE}).")
    long queryTimeoutSeconds = QueryLimits.DEFAULT_TIMEOUT.toSeconds();

    @Option(names = "--query-timeout-max-s", paramLabel = "S", description = "The longest timeout 'Prefer: wait=N' may ask for (default: ${DEFAULT-VALUE}).")
    long queryTimeoutMaxSeconds = QueryLimits.DEFAULT_MAX_TIMEOUT.toSeconds();

    @Option(names = "--engine-memory-mb", paramLabel = "MB", description = "DuckDB's memory limit for all queries and ingestion (default: half of what the machine has beyond the JVM heap).")
    Long engineMemoryMb;

    @Option(names = "--query-max-concurrent", paramLabel = "N", description = "Interactive queries running at once (default: ${DEFAULT-VALUE}).")
    int queryMaxConcurrent = QUERY_CONCURRENCY.maxRunning();

    @Option(names = "--query-max-per-caller", paramLabel = "N", description = "Interactive queries one user runs at once (default: ${DEFAULT-VALUE}).")
    int queryMaxPerCaller = QUERY_CONCURRENCY.maxRunningPerCaller();

    @Option(names = "--query-max-queued", paramLabel = "N", description = "Queries waiting for a place; more get 429 at once (default: ${DEFAULT-VALUE}).")
    int queryMaxQueued = QUERY_CONCURRENCY.maxQueued();

    @Option(names = "--query-queue-wait-ms", paramLabel = "MS", description = "How long a query waits for a place before 429 (default: ${DEFAULT-VALUE}).")
    long queryQueueWaitMs = QUERY_CONCURRENCY.maxQueueWait().toMillis();

    @Option(names = "--iot-domain", paramLabel = "DOMAIN", description = "Hubs answer as {hub}.DOMAIN (default: ${DEFAULT-VALUE}, so SDK connection strings work unchanged).")
    String iotDomain = IotSettings.DEFAULT_DOMAIN;

    @Option(names = "--mqtt-host", description = "Interface of the MQTT listeners (default: ${DEFAULT-VALUE}, this machine only).")
    String mqttHost = "127.0.0.1";

    @Option(names = "--mqtt-port", description = "Plaintext MQTT port for local use; -1 turns it off (default: ${DEFAULT-VALUE}).")
    int mqttPort = 1883;

    @Option(names = "--mqtt-tls-port", description = "MQTT over TLS port, served with a certificate (default: ${DEFAULT-VALUE}; -1 off).")
    int mqttTlsPort = 8883;

    @Option(names = "--https-port", description = "HTTPS port (API, console, device endpoint, MQTT over WebSockets), served with a certificate (default: ${DEFAULT-VALUE}; -1 off).")
    int httpsPort = TlsSettings.DEFAULT_HTTPS_PORT;

    @Option(names = {"--tls-cert", "--mqtt-keystore"}, paramLabel = "FILE",
            description = "The server's certificate for every TLS listener: PKCS#12 (.p12/.pfx) or JKS with its key, or PEM (chain, and the key unless --tls-key). Turns HTTPS and MQTT over TLS on.")
    Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The PEM private key, when it is not in the --tls-cert file.")
    Path tlsKey;

    @Option(names = {"--tls-password", "--mqtt-keystore-password"}, paramLabel = "PASSWORD",
            description = "Password of the key store, or of an encrypted PEM key (default: the VIGIL_TLS_PASSWORD variable).")
    String tlsPassword = System.getenv().getOrDefault("VIGIL_TLS_PASSWORD", System.getenv().getOrDefault("VIGIL_MQTT_KEYSTORE_PASSWORD", ""));

    @Option(names = "--tls-self-signed", description = "Without --tls-cert: make a self-signed certificate in DATA/tls on the first run (reused afterwards) and serve TLS with it; its SHA-256 fingerprint is printed.")
    boolean tlsSelfSigned;

    @Option(names = "--iot-dedup-window", paramLabel = "D", converter = SimulateCommand.DurationConverter.class,
            description = "Security events re-sent within this time of the first copy are acknowledged but not stored again; 0s turns it off (default: 24h).")
    Duration iotDedupWindow = DedupSettings.DEFAULT_WINDOW;

    @Option(names = "--iot-dedup-max-ids", paramLabel = "N", description = "Event ids held for that, about 12 bytes each; past it the oldest go first (default: ${DEFAULT-VALUE}).")
    long iotDedupMaxIds = DedupSettings.DEFAULT_MAX_IDS;

    @Option(names = "--trusted-proxy", paramLabel = "ADDR[/BITS]", split = ",",
            description = "A reverse proxy whose X-Forwarded-For names the client (address or CIDR range; repeat or separate with commas). Default: none, the TCP peer is the client.")
    List<String> trustedProxies = List.of();

    @Option(names = HttpStepAllowList.OPTION, paramLabel = "ADDR[/BITS][:PORT]", split = ",",
            description = "A loopback, private or link-local address (or CIDR range, optionally with one port) that playbook http steps may call;"
                    + " repeat or separate with commas. Default: none, such addresses are refused and only public ones are called.")
    List<String> playbookHttpAllow = List.of();

    @Option(names = ExternalDataAllowList.OPTION, paramLabel = "URL-PREFIX|PATH", split = ",",
            description = "An http(s) URL prefix or an absolute path (a file or a directory) that a query's externaldata may read;"
                    + " repeat or separate with commas. Default: none, externaldata reads nothing. A URL whose host is loopback or private"
                    + " is read only when " + HttpStepAllowList.OPTION + " also lists its address.")
    List<String> externalDataAllow = List.of();

    @Option(names = AllowedExternalData.MAX_BYTES_OPTION, paramLabel = "BYTES",
            description = "The most one externaldata location may hold; a larger one fails the query (default: ${DEFAULT-VALUE}).")
    long externalDataMaxBytes = AllowedExternalData.DEFAULT_MAX_BYTES;

    ServerSettings toSettings() {
        QueryLimits limits = new QueryLimits(queryMaxRows, queryMaxBytes, Duration.ofSeconds(queryTimeoutSeconds), Duration.ofSeconds(queryTimeoutMaxSeconds),
                engineMemoryMb == null ? QueryLimits.defaultMemoryLimit() : engineMemoryMb * 1024 * 1024);
        // one list of internal addresses for playbook http steps and externaldata alike
        HttpStepAllowList internalAddresses = HttpStepAllowList.parse(playbookHttpAllow);
        StorageSettings storage = new StorageSettings(data.toAbsolutePath().normalize(), batchMaxRows, Duration.ofMillis(batchMaxDelayMs), queueMaxRows,
                limits).withExternalData(new AllowedExternalData(ExternalDataAllowList.parse(externalDataAllow), internalAddresses, externalDataMaxBytes));
        Optional<TlsIdentity> identity = tlsIdentity();
        MqttSettings mqtt = new MqttSettings(mqttHost, mqttPort, identity.isEmpty() ? MqttSettings.DISABLED : mqttTlsPort, identity);
        TlsSettings tls = new TlsSettings(identity, identity.isEmpty() ? TlsSettings.DISABLED : httpsPort);
        AccessSettings access = new AccessSettings(TrustedProxies.parse(trustedProxies), LoginLimits.defaults());
        return new ServerSettings(storage, host, port, maxBodyBytes, new IotSettings(iotDomain, mqtt, new DedupSettings(iotDedupWindow, iotDedupMaxIds)),
                access, new QueryConcurrency(queryMaxConcurrent, queryMaxPerCaller, queryMaxQueued, Duration.ofMillis(queryQueueWaitMs)), tls,
                Optional.ofNullable(contentDir).map(dir -> dir.toAbsolutePath().normalize()), internalAddresses);
    }

    /** The one certificate: the given file, or the self-signed one of the data directory; none by default. */
    private Optional<TlsIdentity> tlsIdentity() {
        if (tlsCertificate != null) {
            return Optional.of(ServerCertificates.load(tlsCertificate, Optional.ofNullable(tlsKey), tlsPassword));
        }
        if (tlsKey != null) {
            throw new IllegalStateException("--tls-key needs --tls-cert with the certificate it belongs to");
        }
        if (tlsSelfSigned) {
            return Optional.of(SelfSignedCertificate.createOrLoad(data.toAbsolutePath().normalize().resolve("tls"), iotDomain));
        }
        return Optional.empty();
    }
}
