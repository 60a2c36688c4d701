package dev.vigil.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.iot.auth.SasTokenGenerator;
import dev.vigil.iot.endpoint.mqtt.MqttSettings;
import dev.vigil.iot.endpoint.tls.TlsIdentity;
import dev.vigil.server.IotSettings;
import dev.vigil.server.TlsSettings;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.server.testing.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The server's one certificate on every TLS listener, with real handshakes: HTTPS (API and device endpoint), MQTT over WebSockets, MQTT over TLS. */
class TestTlsListeners {
    private static final String SUB = "tls-sub";
    private static final String HUB_NAME = "tls-hub";
    private static final TestCertificates.Issued CERTIFICATE = TestCertificates.server();

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass().withSettings(settings -> settings
            .withIot(new IotSettings(settings.iot().domain(), new MqttSettings("127.0.0.1", 0, 0, Optional.of(CERTIFICATE.identity())),
                    settings.iot().dedup()))
            .withTls(new TlsSettings(Optional.of(CERTIFICATE.identity()), 0)));

    @TempDir
    Path files;

    @Test
    void testTheApiAndTheDeviceEndpointAnswerOverHttps() throws Exception {
        String key = IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        HttpClient client = HttpClient.newBuilder().sslContext(TestCertificates.clientContext(CERTIFICATE, Optional.empty())).build();

        HttpResponse<String> api = client.send(HttpRequest.newBuilder(https("/api/subscriptions/" + SUB))
                .header("Authorization", "Bearer " + server.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
        String token = SasTokenGenerator.deviceToken(HUB_NAME + "." + IotDevices.DOMAIN, IotDevices.DEVICE, key, Instant.now().plusSeconds(600));
        HttpResponse<String> event = client.send(HttpRequest.newBuilder(https("/devices/" + IotDevices.DEVICE + "/messages/events?api-version=2020-03-13"))
                .header("Authorization", token).header("iothub-interface-id", "urn:azureiot:Security:SecurityAgent:1")
                .POST(HttpRequest.BodyPublishers.ofString(IotDevices.message(List.of(IotDevices.login(Instant.parse("2024-03-01T00:00:00Z"), "Fail")))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(event.statusCode()).as(event.body()).isEqualTo(204);
        assertThat(server.count("SecurityIoTRawEvent | where TimeStamp == datetime(2024-03-01T00:00:00Z) | count")).isEqualTo(1);
    }

    @Test
    void testAClientThatDoesNotTrustTheCertificateIsRefusedInTheHandshake() {
        HttpClient client = HttpClient.newBuilder().sslContext(TestCertificates.clientContext(TestCertificates.server(), Optional.empty())).build();

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(https("/healthz")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void testPahoConnectsOverWebSocketsOnTheHttpsPortAndOverTls() throws Exception {
        String key = IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");

        for (String uri : List.of("wss://localhost:" + server.server().httpsPort() + "/$iothub/websocket", "ssl://localhost:" + server.server().mqttTlsPort())) {
            MqttClient client = new MqttClient(uri, IotDevices.DEVICE, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setSocketFactory(TestCertificates.clientContext(CERTIFICATE, Optional.empty()).getSocketFactory());
            options.setUserName(HUB_NAME + "." + IotDevices.DOMAIN + "/" + IotDevices.DEVICE + "/?api-version=2021-04-12");
            options.setPassword(SasTokenGenerator.deviceToken(HUB_NAME + "." + IotDevices.DOMAIN, IotDevices.DEVICE, key, Instant.now().plusSeconds(600))
                    .toCharArray());
            client.connect(options);
            try {
                client.publish(IotDevices.SECURITY_TOPIC, IotDevices.message(List.of(IotDevices.login(Instant.parse("2024-03-02T00:00:00Z"), "Fail")))
                        .getBytes(StandardCharsets.UTF_8), 1, false);
            } finally {
                client.disconnect();
                client.close();
            }
        }

        assertThat(server.count("SecurityIoTRawEvent | where TimeStamp == datetime(2024-03-02T00:00:00Z) | count")).isEqualTo(2);
    }

    @Test
    void testAPemFileWithKeyAndChainLoadsAsTheSameCertificate() throws Exception {
        Path pem = files.resolve("server.pem");
        Files.writeString(pem, CERTIFICATE.pem());

        TlsIdentity loaded = ServerCertificates.load(pem, Optional.empty(), "");

        assertThat(loaded.certificate()).isEqualTo(CERTIFICATE.certificate());
        assertThat(loaded.sha256Fingerprint()).isEqualTo(CERTIFICATE.identity().sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void testAPemFileWithoutAKeyIsRefusedNamingTheFile() throws Exception {
        Path pem = files.resolve("chain-only.pem");
        String full = CERTIFICATE.pem();
        Files.writeString(pem, full.substring(full.indexOf("-----BEGIN CERTIFICATE-----")));

        assertThatThrownBy(() -> ServerCertificates.load(pem, Optional.empty(), ""))
                .hasMessage("no private key in " + pem + ": give exactly one, in the certificate's file or with --tls-key");
    }

    @Test
    void testTheSelfSignedCertificateIsMadeOnceAndReused() {
        TlsIdentity first = SelfSignedCertificate.createOrLoad(files.resolve("tls"), "azure-devices.net");
        TlsIdentity again = SelfSignedCertificate.createOrLoad(files.resolve("tls"), "azure-devices.net");

        assertThat(again.sha256Fingerprint()).isEqualTo(first.sha256Fingerprint());
        assertThat(first.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=Vigil self-signed");
    }

    private static URI https(String path) {
        return URI.create("https://localhost:" + server.server().httpsPort() + path);
    }
}
