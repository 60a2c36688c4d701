package dev.vigil.server.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's automation: a webhook receiver on loopback (standing in for a ticketing system or a
 * chat hook), a playbook that comments on an incident and posts it to the receiver, and an enabled
 * automation rule that runs the playbook on every new Defender for IoT incident.
 */
final class DemoAutomation implements AutoCloseable {
    static final String NAME = "demo-notify";
    static final String RUNS_QUERY = "LogicAppWorkflowRuntime | where WorkflowName == \"" + NAME + "\" | summarize count() by OperationName, Status";
    private static final String HOOK = "/hooks/incident";

    private final HttpServer receiver;
    private final AtomicLong received = new AtomicLong();

    private DemoAutomation(HttpServer receiver) {
        this.receiver = receiver;
    }

    /**
     * Starts the receiver, before the server: its address is the one private address the server's
     * playbooks may call ({@link #allowEntry}).
     */
    static DemoAutomation receive() {
        HttpServer receiver;
        try {
            receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo's webhook receiver", e);
        }
        DemoAutomation automation = new DemoAutomation(receiver);
        receiver.createContext(HOOK, exchange -> {
            exchange.getRequestBody().readAllBytes();
            automation.received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        return automation;
    }

    /** The receiver's address and port, for the server's {@code --playbook-http-allow}: exactly this service, no other on loopback. */
    String allowEntry() {
        return "127.0.0.1:" + receiver.getAddress().getPort();
    }

    /** Saves the playbook and the rule through the API with the admin key. */
    void install(URI server, String apiKey) throws CommandFailedException, InterruptedException {
        ApiClient api = new ApiClient(server, apiKey);
        api.send("PUT", "/api/workspaces/default/playbooks/" + NAME, playbook(hookUrl()));
        api.send("PUT", "/api/workspaces/default/automationRules/" + NAME, rule());
    }

    String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + HOOK;
    }

    long received() {
        return received.get();
    }

    private static Map<String, Object> playbook(String hookUrl) {
        return Map.of(
                "description", "The demo's playbook: notes the incident and posts it to the demo's webhook receiver",
                "triggers", List.of(Map.of("kind", "incident")),
                "steps", List.of(
                        Map.of("id", "note", "type", "addComment",
                                "message", "Playbook demo-notify: incident {{ IncidentNumber }} ({{ IncidentSeverity }}) posted to the SOC webhook"),
                        Map.of("id", "post", "type", "http", "method", "POST", "url", hookUrl, "retries", 2, "retryInterval", "PT1S",
                                "body", Map.of("incident", "{{ IncidentNumber }}", "title", "{{ IncidentTitle }}", "severity", "{{ IncidentSeverity }}",
                                        "devices", "{{ array_length(Entities) }}"))));
    }

    private static Map<String, Object> rule() {
        return Map.of("properties", Map.of("displayName", "Demo: notify the SOC of IoT incidents", "order", 1,
                "triggeringLogic", Map.of("isEnabled", true, "triggersOn", "Incidents", "triggersWhen", "Created",
                        "conditions", List.of(Map.of("conditionType", "Property", "conditionProperties", Map.of("propertyName", "AlertProductNames",
                                "operator", "Equals", "propertyValues", List.of("Azure Security Center for IoT"))))),
                "actions", List.of(Map.of("order", 1, "actionType", "RunPlaybook", "actionConfiguration",
                        Map.of("logicAppResourceId", "/workspaces/default/playbooks/" + NAME)))));
    }

    @Override
    public void close() {
        receiver.stop(0);
    }
}
