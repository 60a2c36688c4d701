package dev.vigil.iot.message;

import static dev.vigil.iot.message.FieldType.BOOLEAN;
import static dev.vigil.iot.message.FieldType.INTEGER;
import static dev.vigil.iot.message.FieldType.INTEGER_OR_STRING;
import static dev.vigil.iot.message.FieldType.IP_ADDRESS;
import static dev.vigil.iot.message.FieldType.PORT;
import static dev.vigil.iot.message.FieldType.STRING;
import static dev.vigil.iot.message.PayloadField.optional;
import static dev.vigil.iot.message.PayloadField.optionalOneOf;
import static dev.vigil.iot.message.PayloadField.required;
import static dev.vigil.iot.message.PayloadField.requiredOneOf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payload of every event name of security message schema 1.0, one entry per event, as the
 * reference lists them. {@code Login} also needs {@code UserId} or {@code UserName}; the validator
 * checks that one rule that a field list cannot say.
 */
final class EventSchemas {
    private static final Map<String, List<PayloadField>> PAYLOADS = new LinkedHashMap<>();

    static {
        define("ProcessCreate", required("Executable", STRING), required("ProcessId", INTEGER), required("ParentProcessId", INTEGER),
                required("UserId", INTEGER_OR_STRING), optional("UserName", STRING), required("CommandLine", STRING));
        define("ProcessTerminate", required("Executable", STRING), required("ProcessId", INTEGER), required("ExitStatus", INTEGER));
        define("ConnectionCreate", required("RemoteAddress", IP_ADDRESS), required("RemotePort", PORT), optional("LocalAddress", IP_ADDRESS),
                optional("LocalPort", PORT), requiredOneOf("Direction", "In", "Out"), required("Protocol", STRING),
                required("ProcessId", INTEGER), optional("UserId", INTEGER_OR_STRING), required("Executable", STRING), optional("CommandLine", STRING));
        define("Login", required("ProcessId", INTEGER), optional("UserId", INTEGER_OR_STRING), optional("UserName", STRING),
                required("Operation", STRING), required("Executable", STRING), optional("RemoteAddress", IP_ADDRESS),
                optional("RemotePort", PORT), optional("LocalPort", PORT), requiredOneOf("Result", "Fail", "Success"));
        define("ListeningPorts", required("LocalPort", PORT), required("Protocol", STRING), optional("LocalAddress", IP_ADDRESS),
                optional("RemoteAddress", IP_ADDRESS), optional("RemotePort", PORT));
        define("FirewallConfiguration", required("Enabled", BOOLEAN), requiredOneOf("Action", "Allow", "Deny", "Other"),
                optional("Priority", INTEGER), optionalOneOf("Direction", "In", "Out"), optional("ChainName", STRING),
                optional("Application", STRING), optional("SourceAddress", IP_ADDRESS), optional("SourcePort", PORT),
                optional("DestinationAddress", IP_ADDRESS), optional("DestinationPort", PORT), optional("Protocol", STRING));
        define("LocalUsers", required("GroupIds", STRING), required("GroupNames", STRING), required("UserId", INTEGER_OR_STRING),
                required("UserName", STRING));
        define("ConnectedHardware", required("HardwareCategory", STRING), required("HardwareSubCategory", STRING),
                required("HardwareName", STRING));
        define("OSBaseline", required("Description", STRING), required("CceId", STRING), requiredOneOf("Result", "Pass", "Fail", "Err"),
                required("Error", STRING), required("Severity", STRING));
        define("SystemInformation", optional("OSName", STRING), optional("OSVersion", STRING), optional("OSVendor", STRING),
                optional("OsArchitecture", STRING), optional("HostName", STRING), optional("BIOSVersion", STRING),
                optional("BootDevice", STRING), required("TotalPhysicalMemoryInKB", INTEGER), required("FreePhysicalMemoryInKB", INTEGER),
                required("TotalVirtualMemoryInKB", INTEGER), required("FreeVirtualMemoryInKB", INTEGER));
        define("Diagnostic", required("Severity", STRING), required("Message", STRING), required("ProcessId", INTEGER),
                required("ThreadId", INTEGER));
        define("ConfigurationError", required("ConfigurationName", STRING), required("ErrorType", STRING),
                required("UsedConfiguration", STRING), required("Message", STRING));
        define("DroppedEventsStatistics", required("Queue", STRING), required("CollectedEvents", INTEGER), required("DroppedEvents", INTEGER));
        define("MessageStatistics", required("MessagesSent", INTEGER), required("MessagesUnder4KB", INTEGER), required("TotalFailed", INTEGER));
    }

    private EventSchemas() {
    }

    static Optional<List<PayloadField>> payloadOf(String eventName) {
        return Optional.ofNullable(PAYLOADS.get(eventName));
    }

    static List<String> eventNames() {
        return List.copyOf(PAYLOADS.keySet());
    }

    private static void define(String eventName, PayloadField... fields) {
        PAYLOADS.put(eventName, List.of(fields));
    }
}
