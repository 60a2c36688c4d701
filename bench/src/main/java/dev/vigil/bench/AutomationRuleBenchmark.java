package dev.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.automation.AutomationRule;
import dev.vigil.soc.automation.AutomationRuleDefinition;
import dev.vigil.soc.automation.TriggeringChange;
import dev.vigil.soc.automation.json.AutomationRuleJson;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentAlert;
import dev.vigil.soc.incident.IncidentChangeKind;
import dev.vigil.soc.incident.IncidentEvent;
import dev.vigil.soc.incident.IncidentLabel;
import dev.vigil.soc.incident.IncidentOwner;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.IncidentStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluating a workspace's enabled automation rules against one incident change, as automation
 * does on every change: each rule's trigger and conditions, in run order, on an incident of an
 * IoT alert with a few entities. The rules mix the condition kinds rules use (title and product
 * filters, severity, entity addresses and device ids, Boolean groups, changed-to conditions);
 * about one in a hundred holds. The target is 1,000 rules in under 5 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AutomationRuleBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");

    @Param({"1000"})
    public int rules;

    @Param({"CREATED", "UPDATED"})
    public IncidentChangeKind change;

    private List<AutomationRule> enabled;
    private IncidentEvent event;

    @Setup
    public void setUp() {
        enabled = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            enabled.add(rule(i));
        }
        event = new IncidentEvent("bench", 42, change, change == IncidentChangeKind.CREATED ? Set.of() : Set.of("Severity", "Status"),
                change == IncidentChangeKind.CREATED ? Map.of() : Map.of("Severity", List.of("Low"), "Status", List.of("New")), Optional.empty(),
                incident());
    }

    /** How many rules act on the change; every rule's conditions are evaluated. */
    @Benchmark
    public int evaluate() {
        TriggeringChange triggering = TriggeringChange.of(event);
        int acting = 0;
        for (AutomationRule rule : enabled) {
            if (rule.actsOn(triggering, NOW)) {
                acting++;
            }
        }
        return acting;
    }

    private static AutomationRule rule(int i) {
        String when = i % 2 == 0 ? "Created" : "Updated";
        String conditions = switch (i % 5) {
            case 0 -> property("IncidentTitle", "Contains", "shell " + i) + "," + property("AlertProductNames", "Equals", "Azure Security Center for IoT");
            case 1 -> property("IncidentSeverity", "Equals", i % 100 == 1 ? "High" : "Informational");
            case 2 -> "{\"conditionType\":\"Boolean\",\"conditionProperties\":{\"operator\":\"Or\",\"innerConditions\":["
                    + property("IPAddress", "StartsWith", "10." + (i % 250) + ".") + "," + property("IoTDeviceId", "Equals", "plc-" + i) + "]}}";
            case 3 -> i % 2 == 1
                    ? "{\"conditionType\":\"PropertyChanged\",\"conditionProperties\":{\"propertyName\":\"IncidentStatus\",\"changeType\":\"ChangedTo\","
                            + "\"operator\":\"Equals\",\"propertyValues\":[\"" + (i % 100 == 3 ? "Active" : "Closed") + "\"]}}"
                    : property("IncidentLabel", "Contains", "line-" + i);
            default -> property("HostName", "NotStartsWith", "gw-") + "," + property("IncidentTitle", "EndsWith", "#" + i);
        };
        String body = "{\"properties\":{\"displayName\":\"rule " + i + "\",\"order\":" + (1 + i % 1000) + ",\"triggeringLogic\":{\"isEnabled\":true,"
                + "\"triggersOn\":\"Incidents\",\"triggersWhen\":\"" + when + "\",\"conditions\":[" + conditions + "]},"
                + "\"actions\":[{\"order\":1,\"actionType\":\"ModifyProperties\",\"actionConfiguration\":{\"severity\":\"High\"}}]}}";
        try {
            AutomationRuleDefinition definition = AutomationRuleJson.read(JSON.readTree(body));
            return new AutomationRule("bench", "rule-" + i, definition.displayName(), definition.order(), definition.triggeringLogic(),
                    definition.actions(), NOW, NOW, "bench", "bench", 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String property(String name, String operator, String value) {
        return "{\"conditionType\":\"Property\",\"conditionProperties\":{\"propertyName\":\"" + name + "\",\"operator\":\"" + operator
                + "\",\"propertyValues\":[\"" + value + "\"]}}";
    }

    /** An incident of one IoT alert with a device, an address and a host among its entities. */
    private static Incident incident() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("SystemAlertId", "a-1");
        row.put("DisplayName", "Reverse shell");
        row.put("AlertSeverity", "High");
        row.put("ProductName", "Azure Security Center for IoT");
        row.put("StartTime", NOW.toString());
        row.put("Tactics", "Execution, CommandAndControl");
        row.put("Entities", "[{\"$id\":\"1\",\"Type\":\"iotdevice\",\"DeviceId\":\"plc-7\",\"IoTHub\":{\"$id\":\"2\",\"Type\":\"azure-resource\","
                + "\"ResourceId\":\"/subscriptions/s/resourceGroups/g/providers/Microsoft.Devices/IotHubs/hub\"}},"
                + "{\"$id\":\"3\",\"Type\":\"ip\",\"Address\":\"10.3.0.7\"},{\"$id\":\"4\",\"Type\":\"host\",\"HostName\":\"gw-01\"}]");
        IncidentAlert alert = IncidentAlert.fromSecurityAlert(row);
        return new Incident("bench", "name", 7, "alert/a-1", "Reverse shell on plc-7", "", IncidentSeverity.HIGH, IncidentStatus.ACTIVE,
                Optional.empty(), IncidentOwner.UNASSIGNED, List.of(IncidentLabel.user("line-3")), List.of(), List.of(), List.of(alert), List.of(),
                Optional.empty(), Incident.PROVIDER_NAME, NOW, NOW, Optional.empty(), Optional.empty(), "bench", 2, 42, List.of());
    }
}
