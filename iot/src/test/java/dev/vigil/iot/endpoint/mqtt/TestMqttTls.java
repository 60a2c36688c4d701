package dev.vigil.iot.endpoint.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.endpoint.tls.TlsIdentity;
import dev.vigil.iot.testing.IotBed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS listener, from a keystore made for the test with the JDK's keytool, against a real Paho client. */
class TestMqttTls {
    private static final String PASSWORD = "test-keystore-secret";

    @TempDir
    Path data;
    IotBed bed;
    MqttEndpoint endpoint;
    IotHub hub;
    Device device;
    Path keystore;

    @BeforeEach
    void start() throws Exception {
        keystore = selfSignedKeystore(data.resolve("mqtt.p12"));
        bed = new IotBed(data.resolve("store"));
        hub = bed.hub("plant-hub", true);
        device = bed.device(hub, "sensor-1");
        endpoint = MqttEndpoint.start(new MqttSettings("127.0.0.1", MqttSettings.DISABLED, 0, Optional.of(TlsIdentity.fromKeyStore(keystore, PASSWORD))),
                bed.gateway, bed.registry, bed.cloudToDevice, bed.twins, bed.methods);
    }

    @AfterEach
    void stop() {
        endpoint.close();
        bed.close();
    }

    @Test
    void testDeviceConnectsAndPublishesOverTls() throws Exception {
        MqttClient client = new MqttClient("ssl://127.0.0.1:" + endpoint.tlsPort(), device.deviceId(), new MemoryPersistence());
        MqttConnectOptions options = options(IotBed.token(hub, device));
        options.setSocketFactory(trusting(keystore).getSocketFactory());

        client.connect(options);
        client.publish("devices/sensor-1/messages/events/", "{\"temperature\":21}".getBytes(), 1, false);

        assertThat(endpoint.isConnected("plant-hub", "sensor-1")).isTrue();
        assertThat(bed.listener.deviceToCloud).hasSize(1);
        assertThat(endpoint.plainPort()).isEqualTo(-1);
        client.disconnect();
    }

    @Test
    void testPlaintextConnectToTheTlsPortIsRefused() throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + endpoint.tlsPort(), device.deviceId(), new MemoryPersistence());

        assertThatThrownBy(() -> client.connect(options(IotBed.token(hub, device)))).isInstanceOf(MqttException.class);

        assertThat(endpoint.isConnected("plant-hub", "sensor-1")).isFalse();
        assertThat(bed.listener.deviceToCloud).isEmpty();
        client.close(true);
    }

    @Test
    void testAClientThatDoesNotTrustTheCertificateCannotConnect() throws Exception {
        MqttClient client = new MqttClient("ssl://127.0.0.1:" + endpoint.tlsPort(), device.deviceId(), new MemoryPersistence());

        // The default trust store does not hold the test's self-signed certificate.
        assertThatThrownBy(() -> client.connect(options(IotBed.token(hub, device)))).isInstanceOf(MqttException.class);
        assertThat(endpoint.isConnected("plant-hub", "sensor-1")).isFalse();
        client.close(true);
    }

    private MqttConnectOptions options(String token) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setConnectionTimeout(10);
        options.setHttpsHostnameVerificationEnabled(false);
        options.setUserName(hub.hostName(IotBed.DOMAIN) + "/" + device.deviceId() + "/?api-version=2021-04-12");
        options.setPassword(token.toCharArray());
        return options;
    }

    /** A PKCS12 keystore with a fresh RSA key and a self-signed certificate for 127.0.0.1. */
    static Path selfSignedKeystore(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "vigil-mqtt", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool: %s", output).isZero();
        return file;
    }

    private static SSLContext trusting(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
