package dev.vigil.iot.message;

import static dev.vigil.iot.testing.SecurityMessages.event;
import static dev.vigil.iot.testing.SecurityMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TestSecurityMessageValidator {
    private final SecurityMessageValidator validator = new SecurityMessageValidator();

    @Test
    void testEveryPeriodicEventTypeOfTheReferenceIsAccepted() {
        SecurityMessage valid = validate(message(
                event("Periodic", "ListeningPorts", "Security", false, "[{\"LocalPort\":\"22\",\"Protocol\":\"tcp\",\"LocalAddress\":\"0.0.0.0\",\"RemotePort\":\"*\"}]"),
                event("Periodic", "FirewallConfiguration", "Security", false, "[{\"Enabled\":true,\"Action\":\"Allow\",\"Direction\":\"In\",\"SourcePort\":\"1-5\"}]"),
                event("Periodic", "LocalUsers", "Security", false, "[{\"GroupIds\":\"0;27\",\"GroupNames\":\"root;sudo\",\"UserId\":0,\"UserName\":\"root\"}]"),
                event("Periodic", "ConnectedHardware", "Security", false, "[{\"HardwareCategory\":\"USB\",\"HardwareSubCategory\":\"Storage\",\"HardwareName\":\"disk\"}]"),
                event("Periodic", "OSBaseline", "Security", false, "[{\"Description\":\"d\",\"CceId\":\"CCE-1\",\"Result\":\"Fail\",\"Error\":\"\",\"Severity\":\"Critical\"}]"),
                event("Periodic", "SystemInformation", "Security", false, "[{\"OSName\":\"Linux\",\"TotalPhysicalMemoryInKB\":1,\"FreePhysicalMemoryInKB\":1,"
                        + "\"TotalVirtualMemoryInKB\":1,\"FreeVirtualMemoryInKB\":1}]"),
                event("Triggered", "ConnectionCreate", "Security", false, "[{\"RemoteAddress\":\"fe80::1\",\"RemotePort\":\"443\",\"Direction\":\"Out\","
                        + "\"Protocol\":\"tcp\",\"ProcessId\":5,\"Executable\":\"/usr/bin/curl\",\"ExtraDetails\":{\"k\":\"v\"}}]"),
                event("Triggered", "Login", "Security", false, "[{\"ProcessId\":1,\"UserName\":\"root\",\"Operation\":\"Login\",\"Executable\":\"sshd\",\"Result\":\"Success\"}]"),
                event("Triggered", "ProcessTerminate", "Security", false, "[{\"Executable\":\"/bin/ls\",\"ProcessId\":4,\"ExitStatus\":0}]"),
                event("Triggered", "Diagnostic", "Diagnostic", false, "[{\"Severity\":\"Error\",\"Message\":\"m\",\"ProcessId\":1,\"ThreadId\":2}]"),
                event("Periodic", "MessageStatistics", "Operational", false, "[{\"MessagesSent\":1,\"MessagesUnder4KB\":1,\"TotalFailed\":0}]"),
                event("Periodic", "ListeningPorts", "Security", true, "[]")));

        assertThat(valid.events()).hasSize(12);
        assertThat(valid.events().get(6).payload().get(0)).containsEntry("RemotePort", "443");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"AgentVersion\":\"1\"}|$.AgentId: required",
            "[]|$: must be an object",
            "{not json|$: not valid JSON",
    })
    void testBrokenRootsAreRefused(String body, String error) {
        assertThatThrownBy(() -> validate(body)).isInstanceOf(InvalidSecurityMessageException.class).hasMessageStartingWith(error);
    }

    @Test
    void testEachBrokenRuleNamesItsPath() {
        String ok = "[{\"Executable\":\"/bin/ls\",\"ProcessId\":4,\"ParentProcessId\":1,\"UserId\":0,\"CommandLine\":\"ls\"}]";
        refused(message(event("Triggered", "ProcessCreate", "Security", false, ok)).replace("\"MessageSchemaVersion\":\"1.0\"", "\"MessageSchemaVersion\":\"2.0\""),
                "$.MessageSchemaVersion: must be \"1.0\"");
        refused(message(event("Triggered", "ProcessCreate", "Security", false, ok)).replace("{\"AgentVersion\"", "{\"Extra\":1,\"AgentVersion\""),
                "$.Extra: not allowed");
        refused(message(event("Triggered", "ProcessCreate", "Security", false, ok)).replace("e89dc5f5-feac", "nope"), "$.AgentId: must be a GUID");
        refused(message(), "$.Events: must have at least 1 item");
        refused(message(event("Triggered", "ProcessCreate", "Security", true, ok)), "$.Events[0].IsEmpty: must be false for a Triggered event");
        refused(message(event("Triggered", "ProcessCreate", "Security", false, "[]")), "$.Events[0].Payload: must have at least 1 item");
        refused(message(event("Sometimes", "ProcessCreate", "Security", false, ok)), "$.Events[0].Category: must be one of");
        refused(message(event("Triggered", "Teleport", "Security", false, ok)), "$.Events[0].Name: must be one of");
        refused(message(event("Triggered", "ProcessCreate", "Security", false, ok)).replace("2019-01-27T13:48:52.000Z", "yesterday"),
                "$.Events[0].TimestampUTC: must be a date-time");
        refused(message(event("Triggered", "ProcessCreate", "Security", false, ok.replace("\"ProcessId\":4,", ""))),
                "$.Events[0].Payload[0].ProcessId: required");
        refused(message(event("Triggered", "ProcessCreate", "Security", false, ok.replace("\"ProcessId\":4", "\"ProcessId\":\"4\""))),
                "$.Events[0].Payload[0].ProcessId: must be an integer");
        refused(message(event("Triggered", "ConnectionCreate", "Security", false, "[{\"RemoteAddress\":\"example.com\",\"RemotePort\":\"443\","
                + "\"Direction\":\"Out\",\"Protocol\":\"tcp\",\"ProcessId\":5,\"Executable\":\"curl\"}]")), "$.Events[0].Payload[0].RemoteAddress: must be an IPv4 or IPv6 address");
        refused(message(event("Triggered", "ConnectionCreate", "Security", false, "[{\"RemoteAddress\":\"1.2.3.4\",\"RemotePort\":443,"
                + "\"Direction\":\"Out\",\"Protocol\":\"tcp\",\"ProcessId\":5,\"Executable\":\"curl\"}]")), "$.Events[0].Payload[0].RemotePort: must be a port string");
        refused(message(event("Triggered", "Login", "Security", false, "[{\"ProcessId\":1,\"Operation\":\"Login\",\"Executable\":\"sshd\",\"Result\":\"Maybe\",\"UserName\":\"u\"}]")),
                "$.Events[0].Payload[0].Result: must be one of [Fail, Success]");
        refused(message(event("Triggered", "Login", "Security", false, "[{\"ProcessId\":1,\"Operation\":\"Login\",\"Executable\":\"sshd\",\"Result\":\"Fail\"}]")),
                "$.Events[0].Payload[0].UserName: required when UserId is absent");
        refused(message(event("Periodic", "ListeningPorts", "Security", true, "[{\"LocalPort\":\"22\",\"Protocol\":\"tcp\"}]")),
                "$.Events[0].Payload: must be empty when IsEmpty is true");
    }

    @Test
    void testALoneSurrogateAnywhereIsRefusedWithItsPath() {
        String login = "[{\"ProcessId\":1,\"Operation\":\"Login\",\"Executable\":\"sshd\",\"Result\":\"Fail\",\"UserName\":\"x\\ud800y\"}]";
        refused(message(event("Triggered", "Login", "Security", false, login)), "$.Events[0].Payload[0].UserName: holds a lone surrogate \\uD800 at character 2");
        String paired = login.replace("\\ud800", "\\ud83d\\ude00");
        // in a field name, the JSON parser refuses it already
        refused(message(event("Triggered", "Login", "Security", false, paired.replace("\"UserName\"", "\"UserName\\ud800\""))), "$: not valid JSON");
        assertThat(validate(message(event("Triggered", "Login", "Security", false, paired))).events().get(0).payload().get(0))
                .containsEntry("UserName", "x\ud83d\ude00y");
    }

    private SecurityMessage validate(String body) {
        return validator.validate(body.getBytes(StandardCharsets.UTF_8));
    }

    private void refused(String body, String error) {
        assertThatThrownBy(() -> validate(body)).isInstanceOf(InvalidSecurityMessageException.class).hasMessageStartingWith(error);
    }
}
