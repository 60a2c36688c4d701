package dev.vigil.server.api.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iot.endpoint.LoggingActivityListener;
import dev.vigil.iot.endpoint.mqtt.MqttSettings;
import dev.vigil.server.IotSettings;
import dev.vigil.server.TlsSettings;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.server.testing.TestCertificates;
import dev.vigil.server.testing.TestCertificates.Issued;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** X.509 devices and modules, self-signed and CA-signed, over MQTT/TLS (Paho) and HTTPS (a TLS socket), with certificates made in the test. */
class TestX509Devices {
    private static final String MODULE = "agent";
    private static final String MODULE_CLIENT_ID = IotDevices.DEVICE + "/" + MODULE;
    private static final String MODULE_SECURITY_TOPIC = "devices/" + IotDevices.DEVICE + "/modules/" + MODULE
            + "/messages/events/$.ifid=urn%3Aazureiot%3ASecurity%3ASecurityAgent%3A1";
    private static final String SUB = "x509-sub";
    private static final String HUB_NAME = "x509-hub";
    private static final String HUB = "/api/subscriptions/" + SUB + "/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/" + HUB_NAME;
    private static final Issued SERVER = TestCertificates.server();

    @RegisterExtension
    final RunningServer server = RunningServer.perTest().withSettings(settings -> settings
            .withIot(new IotSettings(settings.iot().domain(), new MqttSettings("127.0.0.1", 0, 0, Optional.of(SERVER.identity())), settings.iot().dedup()))
            .withTls(new TlsSettings(Optional.of(SERVER.identity()), 0)));

    @Test
    void testASelfSignedDeviceConnectsWithItsCertificateAndAnotherIsRefused() throws Exception {
        IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        Issued certificate = TestCertificates.selfSigned(IotDevices.DEVICE);
        authentication(Map.of("type", "selfSigned", "x509Thumbprint", Map.of("primaryThumbprint", certificate.thumbprint())));

        MqttClient client = connect(certificate);
        client.publish(IotDevices.SECURITY_TOPIC, IotDevices.message(List.of(IotDevices.login(Instant.parse("2024-04-01T00:00:00Z"), "Fail")))
                .getBytes(StandardCharsets.UTF_8), 1, false);
        client.disconnect();
        client.close();

        assertThat(server.count("SecurityIoTRawEvent | where TimeStamp == datetime(2024-04-01T00:00:00Z) | count")).isEqualTo(1);
        assertThatThrownBy(() -> connect(TestCertificates.selfSigned(IotDevices.DEVICE)))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
        assertThatThrownBy(() -> connect(TestCertificates.expired(IotDevices.DEVICE))).isInstanceOf(MqttException.class);
    }

    @Test
    void testACaSignedDeviceSendsOverHttpsOnceItsCaIsVerified() {
        IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        Issued ca = TestCertificates.certificateAuthority("Plant CA");
        Issued device = TestCertificates.signedBy(ca, IotDevices.DEVICE);
        authentication(Map.of("type", "certificateAuthority"));

        Answer beforeUpload = sendOverHttps(device, "2024-04-02T00:00:00Z");
        uploadCa(ca, false);
        Answer unverified = sendOverHttps(device, "2024-04-02T00:00:01Z");
        uploadCa(ca, true);
        Answer verified = sendOverHttps(device, "2024-04-02T00:00:02Z");
        Answer otherName = sendOverHttps(TestCertificates.signedBy(ca, "sensor-9"), "2024-04-02T00:00:03Z");

        assertThat(beforeUpload.statusCode()).isEqualTo(401);
        assertThat(reason(beforeUpload)).isEqualTo("X509_UNTRUSTED_CHAIN");
        assertThat(reason(unverified)).isEqualTo("X509_UNTRUSTED_CHAIN");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(204);
        assertThat(otherName.statusCode()).isEqualTo(401);
        assertThat(reason(otherName)).isEqualTo("X509_SUBJECT_MISMATCH");
        assertThat(json(otherName.body()).path("error").path("message").asText()).contains("'sensor-9'");
        assertThat(server.count("SecurityIoTRawEvent | where TimeStamp between (datetime(2024-04-02T00:00:00Z) .. datetime(2024-04-02T00:00:03Z)) | count"))
                .isEqualTo(1);
    }

    @Test
    void testAnX509DeviceIsRefusedWithASasTokenAndASasDeviceWithACertificate() {
        String key = IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        Issued certificate = TestCertificates.selfSigned(IotDevices.DEVICE);

        Answer certificateForSasDevice = sendOverHttps(certificate, "2024-04-03T00:00:00Z");
        authentication(Map.of("type", "selfSigned", "x509Thumbprint", Map.of("primaryThumbprint", certificate.thumbprint())));
        HttpResponse<String> tokenForX509Device = IotDevices.sendOverHttps(server, HUB_NAME, key,
                IotDevices.message(List.of(IotDevices.login(Instant.parse("2024-04-03T00:00:01Z"), "Fail"))));
        HttpResponse<String> badThumbprint = server.sendJson("PUT", HUB + "/devices/" + IotDevices.DEVICE + "/authentication", server.apiKey(),
                Map.of("type", "selfSigned", "x509Thumbprint", Map.of("primaryThumbprint", "not-hex")));

        assertThat(reason(certificateForSasDevice)).isEqualTo("X509_NOT_CONFIGURED");
        assertThat(reason(tokenForX509Device)).isEqualTo("X509_NOT_CONFIGURED");
        assertThat(badThumbprint.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(badThumbprint).path("error").path("message").asText()).contains("x509Thumbprint.primaryThumbprint");
    }

    @Test
    void testASelfSignedModuleConnectsOverMqttWithItsOwnCertificateNotItsDevices() throws Exception {
        IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        createModule();
        Issued moduleCertificate = TestCertificates.selfSigned(MODULE_CLIENT_ID);
        Issued deviceCertificate = TestCertificates.selfSigned(IotDevices.DEVICE);
        authentication(Map.of("type", "selfSigned", "x509Thumbprint", Map.of("primaryThumbprint", deviceCertificate.thumbprint())));
        HttpResponse<String> put = server.sendJson("PUT", HUB + "/devices/" + IotDevices.DEVICE + "/modules/" + MODULE + "/authentication", server.apiKey(),
                Map.of("type", "selfSigned", "x509Thumbprint", Map.of("secondaryThumbprint", moduleCertificate.thumbprint())));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        MqttClient client = connectModule(moduleCertificate);
        client.publish("devices/" + IotDevices.DEVICE + "/modules/" + MODULE + "/messages/events/$.ifid=urn%3Aazureiot%3ASecurity%3ASecurityAgent%3A1",
                IotDevices.message(List.of(IotDevices.login(Instant.parse("2024-04-04T00:00:00Z"), "Fail"))).getBytes(StandardCharsets.UTF_8), 1, false);
        client.disconnect();
        client.close();

        assertThat(server.count("SecurityIoTRawEvent | where TimeStamp == datetime(2024-04-04T00:00:00Z) | count")).isEqualTo(1);
        assertThatThrownBy(() -> connectModule(deviceCertificate))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
        JsonNode shown = RunningServer.json(server.get(HUB + "/devices/" + IotDevices.DEVICE + "/modules/" + MODULE + "/authentication"));
        assertThat(shown.path("type").asText()).isEqualTo("selfSigned");
        assertThat(shown.path("x509Thumbprint").path("secondaryThumbprint").asText()).isEqualTo(moduleCertificate.thumbprint().replace(":", "").toUpperCase());
    }

    @Test
    void testACaSignedModuleSendsOverHttpsWhenItsCertificateNamesTheModule() {
        String key = IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        createModule();
        Issued ca = TestCertificates.certificateAuthority("Plant CA");
        uploadCa(ca, true);
        String modulePath = "/devices/" + IotDevices.DEVICE + "/modules/" + MODULE + "/messages/events";
        Answer whileSas = sendOverHttps(TestCertificates.signedBy(ca, MODULE_CLIENT_ID), "2024-04-05T00:00:00Z", modulePath);
        HttpResponse<String> put = server.sendJson("PUT", HUB + "/devices/" + IotDevices.DEVICE + "/modules/" + MODULE + "/authentication", server.apiKey(),
                Map.of("type", "certificateAuthority"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        Answer namesTheModule = sendOverHttps(TestCertificates.signedBy(ca, MODULE_CLIENT_ID), "2024-04-05T00:00:01Z", modulePath);
        Answer namesTheDevice = sendOverHttps(TestCertificates.signedBy(ca, IotDevices.DEVICE), "2024-04-05T00:00:02Z", modulePath);
        Answer selfSigned = sendOverHttps(TestCertificates.selfSigned(MODULE_CLIENT_ID), "2024-04-05T00:00:03Z", modulePath);
        Answer deviceStillSas = sendOverHttps(TestCertificates.signedBy(ca, IotDevices.DEVICE), "2024-04-05T00:00:04Z",
                "/devices/" + IotDevices.DEVICE + "/messages/events");
        HttpResponse<String> deviceToken = IotDevices.sendOverHttps(server, HUB_NAME, key,
                IotDevices.message(List.of(IotDevices.login(Instant.parse("2024-04-05T00:00:05Z"), "Fail"))));

        assertThat(reason(whileSas)).isEqualTo("X509_NOT_CONFIGURED");
        assertThat(namesTheModule.statusCode()).as(namesTheModule.body()).isEqualTo(204);
        assertThat(reason(namesTheDevice)).isEqualTo("X509_SUBJECT_MISMATCH");
        assertThat(json(namesTheDevice.body()).path("error").path("message").asText()).contains("'" + MODULE_CLIENT_ID + "'");
        assertThat(reason(selfSigned)).isEqualTo("X509_UNTRUSTED_CHAIN");
        assertThat(reason(deviceStillSas)).as("the module's authentication is its own, not its device's").isEqualTo("X509_NOT_CONFIGURED");
        assertThat(deviceToken.statusCode()).as(deviceToken.body()).isEqualTo(204);
        assertThat(server.count("SecurityIoTRawEvent | where TimeStamp between (datetime(2024-04-05T00:00:00Z) .. datetime(2024-04-05T00:00:05Z)) | count"))
                .isEqualTo(2);
    }

    @Test
    void testX509ModulesConnectOverMqttOverWebSocketsAndARefusalIsLoggedUnderTheModule() throws Exception {
        IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        createModule();
        Issued selfSigned = TestCertificates.selfSigned(MODULE_CLIENT_ID);
        moduleAuthentication(Map.of("type", "selfSigned", "x509Thumbprint", Map.of("primaryThumbprint", selfSigned.thumbprint())));
        Logger refusals = (Logger) LoggerFactory.getLogger(LoggingActivityListener.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        refusals.addAppender(logged);
        try {
            MqttClient client = connectModule(webSocket(), selfSigned);
            client.publish(MODULE_SECURITY_TOPIC, IotDevices.message(List.of(IotDevices.login(Instant.parse("2024-04-06T00:00:00Z"), "Fail")))
                    .getBytes(StandardCharsets.UTF_8), 1, false);
            client.disconnect();
            client.close();
            assertThatThrownBy(() -> connectModule(webSocket(), TestCertificates.selfSigned(MODULE_CLIENT_ID)))
                    .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));

            Issued ca = TestCertificates.certificateAuthority("Plant CA");
            uploadCa(ca, true);
            moduleAuthentication(Map.of("type", "certificateAuthority"));
            MqttClient caSigned = connectModule(webSocket(), TestCertificates.signedBy(ca, MODULE_CLIENT_ID));
            caSigned.publish(MODULE_SECURITY_TOPIC, IotDevices.message(List.of(IotDevices.login(Instant.parse("2024-04-06T00:00:01Z"), "Fail")))
                    .getBytes(StandardCharsets.UTF_8), 1, false);
            caSigned.disconnect();
            caSigned.close();
        } finally {
            refusals.detachAppender(logged);
        }

        assertThat(server.count("SecurityIoTRawEvent | where TimeStamp between (datetime(2024-04-06T00:00:00Z) .. datetime(2024-04-06T00:00:01Z)) | count"))
                .isEqualTo(2);
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(line -> assertThat(line)
                .startsWith("module '" + MODULE_CLIENT_ID + "' of hub '" + HUB_NAME + "." + IotDevices.DOMAIN + "'")
                .contains("(WebSocket)")
                .contains("X509_THUMBPRINT_MISMATCH, IoT Hub 401002 IotHubUnauthorizedAccess"));
    }

    @Test
    void testADisabledModuleIsRefusedOverHttpsWithIotHubsDeviceDisabledCode() {
        IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        createModule();
        Issued certificate = TestCertificates.selfSigned(MODULE_CLIENT_ID);
        moduleAuthentication(Map.of("type", "selfSigned", "x509Thumbprint", Map.of("primaryThumbprint", certificate.thumbprint())));
        String modulePath = "/devices/" + IotDevices.DEVICE + "/modules/" + MODULE + "/messages/events";
        Answer wrongCertificate = sendOverHttps(TestCertificates.selfSigned(MODULE_CLIENT_ID), "2024-04-07T00:00:00Z", modulePath);
        HttpResponse<String> disabled = server.post(HUB + "/devices/" + IotDevices.DEVICE + "/modules/" + MODULE + "/disable", "application/json", "");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

        Answer whileDisabled = sendOverHttps(certificate, "2024-04-07T00:00:01Z", modulePath);

        assertThat(wrongCertificate.statusCode()).isEqualTo(401);
        assertThat(json(wrongCertificate.body()).path("error").path("innererror").path("iotHubErrorCode").asInt()).isEqualTo(401002);
        assertThat(whileDisabled.statusCode()).isEqualTo(403);
        assertThat(json(whileDisabled.body()).path("error").path("code").asText()).isEqualTo("DeviceDisabled");
        assertThat(json(whileDisabled.body()).path("error").path("innererror").path("iotHubErrorCode").asInt()).isEqualTo(403012);
        assertThat(json(whileDisabled.body()).path("error").path("message").asText()).contains("'" + MODULE_CLIENT_ID + "' is disabled");
    }

    private void moduleAuthentication(Map<String, Object> body) {
        HttpResponse<String> put = server.sendJson("PUT", HUB + "/devices/" + IotDevices.DEVICE + "/modules/" + MODULE + "/authentication", server.apiKey(),
                body);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    private void createModule() {
        HttpResponse<String> put = server.sendJson("PUT", HUB + "/devices/" + IotDevices.DEVICE + "/modules/" + MODULE, server.apiKey(), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    private MqttClient connectModule(Issued certificate) throws MqttException {
        return connectModule("ssl://localhost:" + server.server().mqttTlsPort(), certificate);
    }

    /** MQTT over WebSockets on the HTTPS port, as IoT Hub serves it; the certificate goes in the HTTPS handshake. */
    private String webSocket() {
        return "wss://localhost:" + server.server().httpsPort() + "/$iothub/websocket";
    }

    private MqttClient connectModule(String uri, Issued certificate) throws MqttException {
        MqttClient client = new MqttClient(uri, MODULE_CLIENT_ID, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setSocketFactory(TestCertificates.clientContext(SERVER, Optional.of(certificate)).getSocketFactory());
        options.setUserName(HUB_NAME + "." + IotDevices.DOMAIN + "/" + MODULE_CLIENT_ID + "/?api-version=2021-04-12");
        client.connect(options);
        return client;
    }

    private void authentication(Map<String, Object> body) {
        HttpResponse<String> put = server.sendJson("PUT", HUB + "/devices/" + IotDevices.DEVICE + "/authentication", server.apiKey(), body);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    private void uploadCa(Issued ca, boolean verified) {
        String pem = ca.pem();
        HttpResponse<String> put = server.sendJson("PUT", HUB + "/certificates/plant-ca", server.apiKey(),
                Map.of("properties", Map.of("certificate", pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----")), "isVerified", verified)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    private MqttClient connect(Issued certificate) throws MqttException {
        MqttClient client = new MqttClient("ssl://localhost:" + server.server().mqttTlsPort(), IotDevices.DEVICE, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setSocketFactory(TestCertificates.clientContext(SERVER, Optional.of(certificate)).getSocketFactory());
        options.setUserName(HUB_NAME + "." + IotDevices.DOMAIN + "/" + IotDevices.DEVICE + "/?api-version=2021-04-12");
        client.connect(options);
        return client;
    }

    /**
     * A POST of a security message over a TLS socket presenting the device's certificate, written by hand:
     * the JDK's HTTP client may not set {@code Host}, which names the hub for a device without a token.
     */
    private Answer sendOverHttps(Issued certificate, String at) {
        return sendOverHttps(certificate, at, "/devices/" + IotDevices.DEVICE + "/messages/events");
    }

    private Answer sendOverHttps(Issued certificate, String at, String path) {
        byte[] body = IotDevices.message(List.of(IotDevices.login(Instant.parse(at), "Fail"))).getBytes(StandardCharsets.UTF_8);
        try (SSLSocket socket = (SSLSocket) TestCertificates.clientContext(SERVER, Optional.of(certificate)).getSocketFactory()
                .createSocket("localhost", server.server().httpsPort())) {
            String head = "POST " + path + "?api-version=2020-03-13 HTTP/1.1\r\n"
                    + "Host: " + HUB_NAME + "." + IotDevices.DOMAIN + "\r\n"
                    + "iothub-interface-id: urn:azureiot:Security:SecurityAgent:1\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String payload = response.substring(response.indexOf("\r\n\r\n") + 4);
            // the JSON error, whether or not it came in chunks
            return new Answer(status, payload.contains("{") ? payload.substring(payload.indexOf('{'), payload.lastIndexOf('}') + 1) : "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Answer(int statusCode, String body) {
    }

    private static String reason(Answer answer) {
        return json(answer.body()).path("error").path("innererror").path("reason").asText();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    private static String reason(HttpResponse<String> response) {
        JsonNode error = RunningServer.json(response).path("error");
        return error.path("innererror").path("reason").asText();
    }
}
