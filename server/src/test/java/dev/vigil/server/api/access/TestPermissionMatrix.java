package dev.vigil.server.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route, called by every role: the permission matrix of {@code docs/security.md}. A caller
 * with too small a role gets 403 naming the role needed; one with no role on the workspace gets
 * 404, as if it did not exist. Removing any check makes a row of this table fail.
 */
class TestPermissionMatrix {
    private static final String PASSWORD = "correct horse battery staple";

    /** Who calls: a user and the role it holds on workspace 'default' (none for the outsider), or Owner on '/'. */
    private enum Who {
        ROOT_OWNER(null), OWNER("Owner"), CONTRIBUTOR("Contributor"), RESPONDER("Responder"), READER("Reader"), OUTSIDER(null);

        final String roleOnDefault;

        Who(String roleOnDefault) {
            this.roleOnDefault = roleOnDefault;
        }

        String user() {
            return this == ROOT_OWNER ? "admin" : name().toLowerCase().replace('_', '-');
        }

        String victim() {
            return "victim-" + user();
        }

        /** Rank on 'default', Owner highest; -1 for none. */
        int rank() {
            return this == ROOT_OWNER ? 3 : roleOnDefault == null ? -1 : List.of("Reader", "Responder", "Contributor", "Owner").indexOf(roleOnDefault);
        }
    }

    /** What a route needs. */
    private sealed interface Needs permits Open, AnyCaller, OnDefault, RootOwner, OnSubscription, OnDefaultAndSubscription {
    }

    private record Open() implements Needs {
    }

    private record AnyCaller() implements Needs {
    }

    private record OnDefault(String role) implements Needs {
    }

    private record RootOwner() implements Needs {
    }

    /** A role on subscription 'matrix-sub', which only the root owner holds (through '/'). */
    private record OnSubscription() implements Needs {
    }

    /** A role on workspace 'default', then Contributor on subscription 'matrix-sub' (connecting one to the other). */
    private record OnDefaultAndSubscription(String role) implements Needs {
    }

    /** A call: route template, the concrete path and body for a caller, what it needs and what success looks like. */
    private record Call(String route, Function<Who, String> path, Function<Who, Object> body, Needs needs, int success) {
    }

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();
    static final Map<Who, String> KEYS = new LinkedHashMap<>();
    static final Map<Who, String> VICTIM_KEY_IDS = new LinkedHashMap<>();
    static final Map<Who, String> VICTIM_ASSIGNMENTS = new LinkedHashMap<>();
    /** An incident of 'default' per caller, so that closing and reopening do not depend on the other callers' calls. */
    static final Map<Who, String> INCIDENTS = new LinkedHashMap<>();
    /** A bookmark of 'default' per caller, to delete. */
    static final Map<Who, String> BOOKMARKS = new LinkedHashMap<>();
    static String matrixBookmark;

    @BeforeAll
    static void createCallers() {
        server.createUser("grantee", PASSWORD);
        saveFunction("MatrixFn");
        saveWatchlist("matrix-watchlist");
        saveWatchlistItem("matrix-watchlist", "kept");
        savePlaybook("matrix-playbook");
        HttpResponse<String> run = server.postJson("/api/workspaces/default/playbooks/matrix-playbook/runs", Map.of());
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        matrixRun = RunningServer.json(run).path("runId").asText();
        HttpResponse<String> table = server.postJson("/api/workspaces/default/tables",
                Map.of("name", "Matrix_CL", "columns", List.of(Map.of("name", "Value", "type", "string"))));
        assertThat(table.statusCode()).as(table.body()).isEqualTo(201);
        for (Who who : Who.values()) {
            if (who == Who.ROOT_OWNER) {
                KEYS.put(who, server.apiKey());
            } else {
                server.createUser(who.user(), PASSWORD);
                if (who.roleOnDefault != null) {
                    server.grant(who.user(), who.roleOnDefault, "/workspaces/default");
                }
                KEYS.put(who, server.issueKey(who.user()));
            }
            server.createUser(who.victim(), PASSWORD);
            String victimKey = server.issueKey(who.victim());
            VICTIM_KEY_IDS.put(who, victimKey.substring(4, 20));
            VICTIM_ASSIGNMENTS.put(who, server.grant(who.victim(), "Reader", "/workspaces/default"));
            saveFunction("Doomed_" + who.name());
            saveRule("doomed-" + who.user());
            saveAutomationRule("doomed-" + who.user());
            saveWatchlist("doomed-" + who.user());
            savePlaybook("doomed-" + who.user());
            saveWatchlistItem("matrix-watchlist", "doomed-" + who.user());
            saveWorkbook("doomed-" + who.user());
            INCIDENTS.put(who, createIncident("matrix " + who.name()));
        }
        saveRule("matrix-rule");
        saveAutomationRule("matrix-automation");
        saveWorkbook("matrix-workbook");
        importHuntingQuery("matrix-hunt");
        for (Who who : Who.values()) {
            importHuntingQuery("doomed-hunt-" + who.user());
            BOOKMARKS.put(who, createBookmark("doomed " + who.name()));
        }
        matrixBookmark = createBookmark("matrix");
    }

    private static void importHuntingQuery(String id) {
        HttpResponse<String> imported = server.postJson("/api/workspaces/default/alertRules/import", Map.of("files", List.of(Map.of("name", id + ".yaml",
                "content", "id: " + id + "\nname: matrix hunt\nquery: SecurityAlert | take 5\n"))));
        assertThat(RunningServer.json(imported).path("summary").path("Imported").asInt()).as(imported.body()).isEqualTo(1);
    }

    private static String createBookmark(String name) {
        HttpResponse<String> created = server.postJson("/api/workspaces/default/bookmarks", bookmark(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RunningServer.json(created).path("name").asText();
    }

    private static Map<String, Object> bookmark(String name) {
        return Map.of("properties", Map.of("displayName", name, "query", "SecurityAlert | take 5", "queryResult", Map.of("AlertName", name)));
    }

    private static void saveWorkbook(String id) {
        HttpResponse<String> saved = server.sendJson("PUT", "/api/workspaces/default/workbooks/" + id, server.apiKey(), workbook());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    private static Map<String, Object> workbook() {
        return Map.of("properties", Map.of("displayName", "matrix", "serializedData", "{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":3,"
                + "\"content\":{\"query\":\"print n = 1\"},\"name\":\"q\"}]}"));
    }

    private static void saveRule(String id) {
        HttpResponse<String> saved = server.sendJson("PUT", "/api/workspaces/default/alertRules/" + id, server.apiKey(), scheduledRule(false));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    private static String matrixRun;

    private static void savePlaybook(String name) {
        HttpResponse<String> saved = server.sendJson("PUT", "/api/workspaces/default/playbooks/" + name, server.apiKey(), playbook());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    private static Map<String, Object> playbook() {
        return Map.of("triggers", List.of(Map.of("kind", "manual")), "steps", List.of(Map.of("id", "note", "type", "compose", "value", "seen")));
    }

    private static void saveWatchlist(String alias) {
        HttpResponse<String> saved = server.sendJson("PUT", "/api/workspaces/default/watchlists/" + alias, server.apiKey(), watchlist());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    private static void saveWatchlistItem(String alias, String itemId) {
        HttpResponse<String> item = server.sendJson("PUT", "/api/workspaces/default/watchlists/" + alias + "/watchlistItems/" + itemId, server.apiKey(),
                Map.of("properties", Map.of("itemsKeyValue", Map.of("Host", itemId))));
        assertThat(item.statusCode()).as(item.body()).isEqualTo(201);
    }

    private static Map<String, Object> watchlist() {
        return Map.of("properties", Map.of("displayName", "matrix", "provider", "matrix", "itemsSearchKey", "Host", "rawContent", "Host\nplc-1\n"));
    }

    private static void saveAutomationRule(String id) {
        HttpResponse<String> saved = server.sendJson("PUT", "/api/workspaces/default/automationRules/" + id, server.apiKey(), automationRule());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    /** A disabled rule: the matrix's incidents must not change under the callers. */
    private static Map<String, Object> automationRule() {
        return Map.of("properties", Map.of("displayName", "matrix", "order", 1, "triggeringLogic", Map.of("isEnabled", false, "triggersOn", "Incidents",
                "triggersWhen", "Created"), "actions", List.of(Map.of("order", 1, "actionType", "ModifyProperties", "actionConfiguration",
                Map.of("severity", "High")))));
    }

    private static Map<String, Object> scheduledRule(boolean enabled) {
        return Map.of("kind", "Scheduled", "properties", Map.of("displayName", "matrix", "enabled", enabled, "query", "SecurityAlert",
                "severity", "Low", "queryFrequency", "PT5M", "queryPeriod", "PT5M", "triggerOperator", "GreaterThan", "triggerThreshold", 0));
    }

    private static String createIncident(String title) {
        HttpResponse<String> created = server.sendJson("POST", "/api/workspaces/default/incidents", server.apiKey(),
                Map.of("properties", Map.of("title", title, "severity", "Medium")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RunningServer.json(created).path("name").asText();
    }

    private static void saveFunction(String name) {
        HttpResponse<String> saved = server.sendJson("PUT", "/api/workspaces/default/functions/" + name, server.apiKey(), Map.of("body", "SecurityAlert | take 1"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    private static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        OnDefault reader = new OnDefault("Reader");
        OnDefault contributor = new OnDefault("Contributor");
        OnDefault owner = new OnDefault("Owner");
        calls.add(new Call("GET /healthz", w -> "/healthz", w -> null, new Open(), 200));
        calls.add(new Call("POST /api/session", w -> "/api/session", w -> Map.of("username", "grantee", "password", PASSWORD), new Open(), 201));
        calls.add(new Call("GET /openapi.json", w -> "/openapi.json", w -> null, new AnyCaller(), 200));
        calls.add(new Call("GET /api/me", w -> "/api/me", w -> null, new AnyCaller(), 200));
        calls.add(new Call("GET /api/workspaces", w -> "/api/workspaces", w -> null, new AnyCaller(), 200));
        calls.add(new Call("GET /api/roleAssignments", w -> "/api/roleAssignments", w -> null, new AnyCaller(), 200));
        // with an API key there is no session to show or end
        calls.add(new Call("GET /api/session", w -> "/api/session", w -> null, new AnyCaller(), 400));
        calls.add(new Call("DELETE /api/session", w -> "/api/session", w -> null, new AnyCaller(), 400));
        calls.add(new Call("POST /v1/workspaces/{workspace}/query", w -> "/v1/workspaces/default/query",
                w -> Map.of("query", "SecurityAlert | count"), reader, 200));
        calls.add(new Call("GET /v1/workspaces/{workspace}/query", w -> "/v1/workspaces/default/query?query=SecurityAlert%20%7C%20count",
                w -> null, reader, 200));
        calls.add(new Call("POST /v1/workspaces/{workspace}/explain", w -> "/v1/workspaces/default/explain",
                w -> Map.of("query", "SecurityAlert | count"), reader, 200));
        calls.add(new Call("GET /v1/workspaces/{workspace}/queries", w -> "/v1/workspaces/default/queries", w -> null, reader, 200));
        // no such query is running: a caller allowed to cancel is told so
        calls.add(new Call("DELETE /v1/workspaces/{workspace}/queries/{id}", w -> "/v1/workspaces/default/queries/none-" + w.name(),
                w -> null, reader, 404));
        calls.add(new Call("GET /api/workspaces/{workspace}/functions", w -> "/api/workspaces/default/functions", w -> null, reader, 200));
        calls.add(new Call("GET /api/workspaces/{workspace}/functions/{name}", w -> "/api/workspaces/default/functions/MatrixFn", w -> null, reader, 200));
        calls.add(new Call("PUT /api/workspaces/{workspace}/functions/{name}", w -> "/api/workspaces/default/functions/Saved_" + w.name(),
                w -> Map.of("body", "SecurityAlert | take 2"), contributor, 201));
        calls.add(new Call("DELETE /api/workspaces/{workspace}/functions/{name}", w -> "/api/workspaces/default/functions/Doomed_" + w.name(),
                w -> null, contributor, 204));
        calls.add(new Call("GET /api/workspaces/{workspace}/tables", w -> "/api/workspaces/default/tables", w -> null, reader, 200));
        calls.add(new Call("GET /api/workspaces/{workspace}/tables/{table}", w -> "/api/workspaces/default/tables/Syslog", w -> null, reader, 200));
        calls.add(new Call("PATCH /api/workspaces/{workspace}/tables/{table}", w -> "/api/workspaces/default/tables/Syslog",
                w -> Map.of("properties", Map.of("retentionInDays", 60)), contributor, 200));
        calls.add(new Call("GET /api/workspaces/{workspace}", w -> "/api/workspaces/default", w -> null, reader, 200));
        calls.add(new Call("PATCH /api/workspaces/{workspace}", w -> "/api/workspaces/default",
                w -> Map.of("properties", Map.of("retentionInDays", 90)), contributor, 200));
        calls.add(new Call("POST /api/workspaces/{workspace}/tables", w -> "/api/workspaces/default/tables",
                w -> Map.of("name", "Matrix_" + w.name() + "_CL", "columns", List.of(Map.of("name", "Value", "type", "string"))), contributor, 201));
        calls.add(new Call("POST /api/workspaces/{workspace}/tables/{table}/rows", w -> "/api/workspaces/default/tables/Matrix_CL/rows",
                w -> List.of(Map.of("Value", "matrix " + w)), contributor, 200));
        calls.add(new Call("POST /api/roleAssignments", w -> "/api/roleAssignments",
                w -> Map.of("user", "grantee", "role", "Reader", "scope", "/workspaces/default"), owner, 201));
        calls.add(new Call("DELETE /api/roleAssignments/{id}", w -> "/api/roleAssignments/" + VICTIM_ASSIGNMENTS.get(w), w -> null, owner, 200));
        calls.add(new Call("GET /metrics", w -> "/metrics", w -> null, new RootOwner(), 200));
        calls.add(new Call("POST /api/workspaces", w -> "/api/workspaces", w -> Map.of("id", "matrix-" + w.user()), new RootOwner(), 201));
        calls.add(new Call("GET /api/users", w -> "/api/users", w -> null, new RootOwner(), 200));
        calls.add(new Call("POST /api/users", w -> "/api/users", w -> Map.of("name", "new-" + w.user()), new RootOwner(), 201));
        calls.add(new Call("GET /api/users/{user}", w -> "/api/users/grantee", w -> null, new RootOwner(), 200));
        calls.add(new Call("PUT /api/users/{user}/password", w -> "/api/users/" + w.victim() + "/password",
                w -> Map.of("password", "another long password"), new RootOwner(), 204));
        calls.add(new Call("GET /api/users/{user}/keys", w -> "/api/users/grantee/keys", w -> null, new RootOwner(), 200));
        calls.add(new Call("POST /api/users/{user}/keys", w -> "/api/users/" + w.victim() + "/keys", w -> Map.of(), new RootOwner(), 201));
        calls.add(new Call("DELETE /api/users/{user}/keys/{key}", w -> "/api/users/" + w.victim() + "/keys/" + VICTIM_KEY_IDS.get(w),
                w -> null, new RootOwner(), 200));
        addIotCalls(calls);
        addConnectorCalls(calls);
        addRuleCalls(calls, reader, contributor);
        addIncidentCalls(calls);
        addHuntingCalls(calls);
        // last, as it removes the victim the calls above use
        calls.add(new Call("DELETE /api/users/{user}", w -> "/api/users/" + w.victim(), w -> null, new RootOwner(), 204));
        return calls;
    }

    private static void addIotCalls(List<Call> calls) {
        String sub = "/api/subscriptions/matrix-sub";
        String rg = sub + "/resourceGroups/rg";
        String hubs = rg + "/providers/Microsoft.Devices/IotHubs";
        String hub = hubs + "/matrix-hub";
        String device = hub + "/devices/dev-1";
        String groups = hub + "/providers/Microsoft.Security/deviceSecurityGroups";
        String solution = hub + "/providers/Microsoft.Security/iotSecuritySolutions/default";
        String route = "/api/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Devices/IotHubs";
        Needs needs = new OnSubscription();
        calls.add(new Call("GET /api/subscriptions", w -> "/api/subscriptions", w -> null, new AnyCaller(), 200));
        calls.add(new Call("PUT /api/subscriptions/{sub}", w -> sub, w -> Map.of("displayName", "m"), needs, 200));
        calls.add(new Call("GET /api/subscriptions/{sub}", w -> sub, w -> null, needs, 200));
        calls.add(new Call("PUT /api/subscriptions/{sub}/resourceGroups/{rg}", w -> rg, w -> Map.of(), needs, 200));
        calls.add(new Call("GET /api/subscriptions/{sub}/resourceGroups", w -> sub + "/resourceGroups", w -> null, needs, 200));
        calls.add(new Call("GET /api/subscriptions/{sub}/resourceGroups/{rg}", w -> rg, w -> null, needs, 200));
        calls.add(new Call("PUT " + route + "/{hub}", w -> hub, w -> Map.of(), needs, 200));
        calls.add(new Call("GET " + route, w -> hubs, w -> null, needs, 200));
        calls.add(new Call("GET " + route + "/{hub}", w -> hub, w -> null, needs, 200));
        calls.add(new Call("PUT " + route + "/{hub}/providers/Microsoft.Security/iotSecuritySolutions/default", w -> solution,
                w -> Map.of("properties", Map.of("status", "Enabled")), needs, 200));
        calls.add(new Call("GET " + route + "/{hub}/providers/Microsoft.Security/iotSecuritySolutions/default", w -> solution, w -> null, needs, 200));
        calls.add(new Call("PUT " + route + "/{hub}/providers/Microsoft.Security/deviceSecurityGroups/{group}", w -> groups + "/g-" + w.user(),
                w -> Map.of("properties", Map.of()), needs, 200));
        calls.add(new Call("GET " + route + "/{hub}/providers/Microsoft.Security/deviceSecurityGroups", w -> groups, w -> null, needs, 200));
        calls.add(new Call("GET " + route + "/{hub}/providers/Microsoft.Security/deviceSecurityGroups/{group}", w -> groups + "/g-" + w.user(), w -> null, needs, 200));
        calls.add(new Call("DELETE " + route + "/{hub}/providers/Microsoft.Security/deviceSecurityGroups/{group}", w -> groups + "/g-" + w.user(), w -> null, needs, 200));
        calls.add(new Call("PUT " + route + "/{hub}/devices/{deviceId}", w -> device, w -> Map.of(), needs, 200));
        calls.add(new Call("GET " + route + "/{hub}/devices", w -> hub + "/devices", w -> null, needs, 200));
        calls.add(new Call("GET " + route + "/{hub}/devices/{deviceId}", w -> device, w -> null, needs, 200));
        calls.add(new Call("POST " + route + "/{hub}/devices/{deviceId}/listKeys", w -> device + "/listKeys", w -> Map.of(), needs, 200));
        calls.add(new Call("POST " + route + "/{hub}/devices/{deviceId}/disable", w -> device + "/disable", w -> Map.of(), needs, 200));
        calls.add(new Call("POST " + route + "/{hub}/devices/{deviceId}/enable", w -> device + "/enable", w -> Map.of(), needs, 200));
        calls.add(new Call("PATCH " + route + "/{hub}/devices/{deviceId}/tags", w -> device + "/tags", w -> Map.of("tags", Map.of("a", "b")), needs, 200));
        calls.add(new Call("POST " + route + "/{hub}/devices/{deviceId}/messages/devicebound", w -> device + "/messages/devicebound",
                w -> Map.of("body", "hi"), needs, 202));
        String modules = route + "/{hub}/devices/{deviceId}/modules";
        Function<Who, String> module = w -> device + "/modules/m-" + w.user();
        calls.add(new Call("PUT " + modules + "/{moduleId}", module, w -> Map.of(), needs, 200));
        calls.add(new Call("GET " + modules, w -> device + "/modules", w -> null, needs, 200));
        calls.add(new Call("GET " + modules + "/{moduleId}", module, w -> null, needs, 200));
        calls.add(new Call("POST " + modules + "/{moduleId}/listKeys", w -> module.apply(w) + "/listKeys", w -> Map.of(), needs, 200));
        calls.add(new Call("POST " + modules + "/{moduleId}/disable", w -> module.apply(w) + "/disable", w -> Map.of(), needs, 200));
        calls.add(new Call("POST " + modules + "/{moduleId}/enable", w -> module.apply(w) + "/enable", w -> Map.of(), needs, 200));
        calls.add(new Call("GET " + route + "/{hub}/devices/{deviceId}/twin", w -> device + "/twin", w -> null, needs, 200));
        calls.add(new Call("PATCH " + route + "/{hub}/devices/{deviceId}/twin", w -> device + "/twin", w -> Map.of("tags", Map.of("line", "a")), needs, 200));
        calls.add(new Call("GET " + modules + "/{moduleId}/twin", w -> module.apply(w) + "/twin", w -> null, needs, 200));
        calls.add(new Call("PATCH " + modules + "/{moduleId}/twin", w -> module.apply(w) + "/twin", w -> Map.of("tags", Map.of("line", "a")), needs, 200));
        calls.add(new Call("POST " + route + "/{hub}/routing/routes/$testnew", w -> hub + "/routing/routes/$testnew",
                w -> Map.of("route", Map.of("name", "r", "source", "DeviceMessages", "condition", "true", "endpointNames", List.of("e"))), needs, 200));
        calls.add(new Call("POST " + route + "/{hub}/routing/routes/$testall", w -> hub + "/routing/routes/$testall",
                w -> Map.of("routingSource", "DeviceMessages"), needs, 200));
        calls.add(new Call("POST " + route + "/{hub}/devices/query", w -> hub + "/devices/query", w -> Map.of("query", "SELECT * FROM devices"), needs, 200));
        calls.add(new Call("PUT " + route + "/{hub}/devices/{deviceId}/authentication", w -> device + "/authentication", w -> Map.of("type", "sas"), needs, 200));
        calls.add(new Call("GET " + route + "/{hub}/devices/{deviceId}/authentication", w -> device + "/authentication", w -> null, needs, 200));
        calls.add(new Call("PUT " + modules + "/{moduleId}/authentication", w -> module.apply(w) + "/authentication", w -> Map.of("type", "sas"), needs, 200));
        calls.add(new Call("GET " + modules + "/{moduleId}/authentication", w -> module.apply(w) + "/authentication", w -> null, needs, 200));
        calls.add(new Call("GET " + route + "/{hub}/certificates", w -> hub + "/certificates", w -> null, needs, 200));
        // the matrix uploads no certificate: past the role check, these find none (PUT: the body is not a certificate)
        calls.add(new Call("PUT " + route + "/{hub}/certificates/{name}", w -> hub + "/certificates/ca", w -> Map.of("properties", Map.of()), needs, 400));
        calls.add(new Call("GET " + route + "/{hub}/certificates/{name}", w -> hub + "/certificates/ca", w -> null, needs, 404));
        calls.add(new Call("DELETE " + route + "/{hub}/certificates/{name}", w -> hub + "/certificates/ca", w -> null, needs, 404));
        // no device of the matrix is connected: past the role check, a method call finds it offline
        calls.add(new Call("POST " + route + "/{hub}/devices/{deviceId}/methods", w -> device + "/methods", w -> Map.of("methodName", "reboot"), needs, 404));
        calls.add(new Call("POST " + modules + "/{moduleId}/methods", w -> module.apply(w) + "/methods", w -> Map.of("methodName", "reboot"), needs, 404));
        calls.add(new Call("DELETE " + modules + "/{moduleId}", w -> device + "/modules/doomed-" + w.user(), w -> null, needs, 404));
        calls.add(new Call("DELETE " + route + "/{hub}/devices/{deviceId}", w -> hub + "/devices/doomed-" + w.user(), w -> null, needs, 404));
        calls.add(new Call("DELETE " + route + "/{hub}", w -> hubs + "/doomed-" + w.user(), w -> null, needs, 404));
        calls.add(new Call("DELETE /api/subscriptions/{sub}/resourceGroups/{rg}", w -> sub + "/resourceGroups/doomed-" + w.user(), w -> null, needs, 404));
        calls.add(new Call("DELETE /api/subscriptions/{sub}", w -> "/api/subscriptions/doomed-" + w.user(), w -> null, needs, 404));
        String alerts = sub + "/providers/Microsoft.Security/iotAlerts";
        String alertsRoute = "/api/subscriptions/{sub}/providers/Microsoft.Security/iotAlerts";
        calls.add(new Call("GET " + alertsRoute, w -> alerts + "?status=New", w -> null, needs, 200));
        calls.add(new Call("GET " + route + "/{hub}/providers/Microsoft.Security/iotAlerts", w -> hub + "/providers/Microsoft.Security/iotAlerts",
                w -> null, needs, 200));
        // no alert has been raised in the matrix: the root owner passes the check and finds none
        calls.add(new Call("GET " + alertsRoute + "/{alertId}", w -> alerts + "/no-such-alert", w -> null, needs, 404));
        calls.add(new Call("PATCH " + alertsRoute + "/{alertId}", w -> alerts + "/no-such-alert", w -> Map.of("status", "Resolved"), needs, 404));
        calls.add(new Call("GET /api/subscriptions/{sub}/providers/Microsoft.Security/iotAlertFeed",
                w -> sub + "/providers/Microsoft.Security/iotAlertFeed?after=0", w -> null, needs, 200));
        // devices authenticate with SAS tokens: an API key alone is refused, whoever holds it
        calls.add(new Call("POST /devices/{deviceId}/messages/events", w -> "/devices/dev-1/messages/events", w -> Map.of(), new Open(), 401));
        for (String spelling : List.of("deviceBound", "devicebound")) {
            String bound = "/devices/{deviceId}/messages/" + spelling;
            calls.add(new Call("GET " + bound, w -> "/devices/dev-1/messages/" + spelling, w -> null, new Open(), 401));
            calls.add(new Call("DELETE " + bound + "/{etag}", w -> "/devices/dev-1/messages/" + spelling + "/e", w -> null, new Open(), 401));
            calls.add(new Call("POST " + bound + "/{etag}/abandon", w -> "/devices/dev-1/messages/" + spelling + "/e/abandon", w -> Map.of(), new Open(), 401));
        }
        calls.add(new Call("POST /devices/{deviceId}/modules/{moduleId}/messages/events", w -> "/devices/dev-1/modules/m/messages/events", w -> Map.of(),
                new Open(), 401));
    }

    private static void addRuleCalls(List<Call> calls, Needs reader, Needs contributor) {
        String rules = "/api/workspaces/{workspace}/alertRules";
        String templates = "/api/workspaces/{workspace}/alertRuleTemplates";
        String iotIncidents = "a2e0eb51-1f11-461a-999b-cd0ebe5c7a72";
        java.time.Instant now = java.time.Instant.now();
        Map<String, Object> window = Map.of("startTime", now.minusSeconds(3600).toString(), "endTime", now.toString());
        calls.add(new Call("GET " + rules, w -> "/api/workspaces/default/alertRules", w -> null, reader, 200));
        calls.add(new Call("GET " + rules + "/{ruleId}", w -> "/api/workspaces/default/alertRules/matrix-rule", w -> null, reader, 200));
        calls.add(new Call("PUT " + rules + "/{ruleId}", w -> "/api/workspaces/default/alertRules/saved-" + w.user(), w -> scheduledRule(false),
                contributor, 201));
        calls.add(new Call("DELETE " + rules + "/{ruleId}", w -> "/api/workspaces/default/alertRules/doomed-" + w.user(), w -> null, contributor, 200));
        calls.add(new Call("POST " + rules + "/{ruleId}/dryRun", w -> "/api/workspaces/default/alertRules/matrix-rule/dryRun", w -> window, reader, 200));
        calls.add(new Call("POST " + rules + "/dryRun", w -> "/api/workspaces/default/alertRules/dryRun",
                w -> Map.of("rule", scheduledRule(true), "startTime", window.get("startTime"), "endTime", window.get("endTime")), reader, 200));
        // a file that is no rule: past the role check, the import answers 200 with the file refused and why
        Map<String, Object> notARule = Map.of("files", List.of(Map.of("name", "not-a-rule.yaml", "content", "name: only a name")));
        calls.add(new Call("POST " + rules + "/import", w -> "/api/workspaces/default/alertRules/import", w -> notARule, contributor, 200));
        calls.add(new Call("POST /api/workspaces/{workspace}/functions/import", w -> "/api/workspaces/default/functions/import", w -> notARule,
                contributor, 200));
        // a pack holding only a workbook that is not one: past the role check, it is answered 200 with the file refused and why
        Map<String, Object> workbookPack = Map.of("name", "matrix-pack", "files", List.of(Map.of("name", "Workbooks/matrix.json", "content", "{}")));
        calls.add(new Call("POST /api/workspaces/{workspace}/contentPacks/install", w -> "/api/workspaces/default/contentPacks/install",
                w -> workbookPack, contributor, 200));
        calls.add(new Call("GET " + templates, w -> "/api/workspaces/default/alertRuleTemplates", w -> null, reader, 200));
        calls.add(new Call("GET " + templates + "/{templateId}", w -> "/api/workspaces/default/alertRuleTemplates/" + iotIncidents, w -> null, reader, 200));
        String automation = "/api/workspaces/{workspace}/automationRules";
        calls.add(new Call("GET " + automation, w -> "/api/workspaces/default/automationRules", w -> null, reader, 200));
        calls.add(new Call("GET " + automation + "/{ruleId}", w -> "/api/workspaces/default/automationRules/matrix-automation", w -> null, reader, 200));
        calls.add(new Call("PUT " + automation + "/{ruleId}", w -> "/api/workspaces/default/automationRules/saved-" + w.user(), w -> automationRule(),
                contributor, 201));
        calls.add(new Call("DELETE " + automation + "/{ruleId}", w -> "/api/workspaces/default/automationRules/doomed-" + w.user(), w -> null,
                contributor, 200));
        String watchlists = "/api/workspaces/{workspace}/watchlists";
        String matrixList = "/api/workspaces/default/watchlists/matrix-watchlist";
        calls.add(new Call("GET " + watchlists, w -> "/api/workspaces/default/watchlists", w -> null, reader, 200));
        calls.add(new Call("GET " + watchlists + "/{alias}", w -> matrixList, w -> null, reader, 200));
        calls.add(new Call("PUT " + watchlists + "/{alias}", w -> "/api/workspaces/default/watchlists/saved-" + w.user(), w -> watchlist(),
                contributor, 201));
        calls.add(new Call("DELETE " + watchlists + "/{alias}", w -> "/api/workspaces/default/watchlists/doomed-" + w.user(), w -> null,
                contributor, 200));
        calls.add(new Call("GET " + watchlists + "/{alias}/watchlistItems", w -> matrixList + "/watchlistItems", w -> null, reader, 200));
        calls.add(new Call("GET " + watchlists + "/{alias}/watchlistItems/{itemId}", w -> matrixList + "/watchlistItems/kept", w -> null,
                reader, 200));
        calls.add(new Call("PUT " + watchlists + "/{alias}/watchlistItems/{itemId}", w -> matrixList + "/watchlistItems/by-" + w.user(),
                w -> Map.of("properties", Map.of("itemsKeyValue", Map.of("Host", "plc-" + w.user()))), contributor, 201));
        calls.add(new Call("DELETE " + watchlists + "/{alias}/watchlistItems/{itemId}", w -> matrixList + "/watchlistItems/doomed-" + w.user(),
                w -> null, contributor, 200));
        String playbooks = "/api/workspaces/{workspace}/playbooks";
        calls.add(new Call("GET " + playbooks, w -> "/api/workspaces/default/playbooks", w -> null, reader, 200));
        calls.add(new Call("GET " + playbooks + "/{name}", w -> "/api/workspaces/default/playbooks/matrix-playbook", w -> null, reader, 200));
        calls.add(new Call("PUT " + playbooks + "/{name}", w -> "/api/workspaces/default/playbooks/saved-" + w.user(), w -> playbook(), contributor, 201));
        calls.add(new Call("DELETE " + playbooks + "/{name}", w -> "/api/workspaces/default/playbooks/doomed-" + w.user(), w -> null, contributor, 200));
        calls.add(new Call("GET " + playbooks + "/{name}/runs", w -> "/api/workspaces/default/playbooks/matrix-playbook/runs", w -> null, reader, 200));
        calls.add(new Call("POST " + playbooks + "/{name}/runs", w -> "/api/workspaces/default/playbooks/matrix-playbook/runs", w -> Map.of(),
                new OnDefault("Responder"), 202));
        calls.add(new Call("GET /api/workspaces/{workspace}/playbookTemplates", w -> "/api/workspaces/default/playbookTemplates", w -> null, reader, 200));
        calls.add(new Call("POST /api/workspaces/{workspace}/playbookTemplates/{templateName}/install",
                w -> "/api/workspaces/default/playbookTemplates/AD4IoT-OwnerSaysExpected/install", w -> Map.of("name", "installed-" + w.user()),
                contributor, 201));
        calls.add(new Call("GET " + playbooks + "/{name}/runs/{runId}", w -> "/api/workspaces/default/playbooks/matrix-playbook/runs/" + matrixRun,
                w -> null, reader, 200));
        String workbooks = "/api/workspaces/{workspace}/workbooks";
        calls.add(new Call("GET " + workbooks, w -> "/api/workspaces/default/workbooks", w -> null, reader, 200));
        calls.add(new Call("GET " + workbooks + "/{workbookId}", w -> "/api/workspaces/default/workbooks/matrix-workbook", w -> null, reader, 200));
        calls.add(new Call("PUT " + workbooks + "/{workbookId}", w -> "/api/workspaces/default/workbooks/saved-" + w.user(), w -> workbook(),
                contributor, 201));
        calls.add(new Call("DELETE " + workbooks + "/{workbookId}", w -> "/api/workspaces/default/workbooks/doomed-" + w.user(), w -> null,
                contributor, 200));
        calls.add(new Call("POST " + workbooks + "/{workbookId}/evaluate", w -> "/api/workspaces/default/workbooks/matrix-workbook/evaluate",
                w -> Map.of("parameters", Map.of()), reader, 200));
        calls.add(new Call("GET /api/workspaces/{workspace}/workbookTemplates", w -> "/api/workspaces/default/workbookTemplates", w -> null, reader,
                200));
        calls.add(new Call("GET /api/workspaces/{workspace}/workbookTemplates/{templateId}", w -> "/api/workspaces/default/workbookTemplates/iot-security",
                w -> null, reader, 200));
        calls.add(new Call("POST " + templates + "/{templateId}/createRule", w -> "/api/workspaces/default/alertRuleTemplates/" + iotIncidents + "/createRule",
                w -> Map.of("ruleId", "from-template-" + w.user(), "enabled", false), contributor, 201));
    }

    /** After the IoT calls, which leave hub 'matrix-hub' of 'matrix-sub' with security monitoring on. */
    private static void addConnectorCalls(List<Call> calls) {
        String connectors = "/api/workspaces/default/dataConnectors";
        String route = "/api/workspaces/{workspace}/dataConnectors";
        OnDefault reader = new OnDefault("Reader");
        Needs both = new OnDefaultAndSubscription("Contributor");
        calls.add(new Call("GET " + route, w -> connectors, w -> null, reader, 200));
        calls.add(new Call("GET " + route + "/{connectorId}", w -> connectors + "/IoT", w -> null, reader, 200));
        calls.add(new Call("GET " + route + "/IoT/subscriptions", w -> connectors + "/IoT/subscriptions", w -> null, reader, 200));
        calls.add(new Call("PUT " + route + "/IoT/subscriptions/{sub}", w -> connectors + "/IoT/subscriptions/matrix-sub",
                w -> Map.of("createIncidents", false), both, 201));
        calls.add(new Call("DELETE " + route + "/IoT/subscriptions/{sub}", w -> connectors + "/IoT/subscriptions/matrix-sub", w -> null, both, 204));
    }

    private static void addIncidentCalls(List<Call> calls) {
        String route = "/api/workspaces/{workspace}/incidents";
        String incidents = "/api/workspaces/default/incidents";
        Function<Who, String> incident = w -> incidents + "/" + INCIDENTS.get(w);
        OnDefault reader = new OnDefault("Reader");
        OnDefault responder = new OnDefault("Responder");
        calls.add(new Call("GET " + route, w -> incidents + "?status=New,Active", w -> null, reader, 200));
        calls.add(new Call("POST " + route, w -> incidents, w -> Map.of("properties", Map.of("title", "by " + w, "severity", "Low")), responder, 201));
        calls.add(new Call("GET " + route + "/{incident}", incident, w -> null, reader, 200));
        calls.add(new Call("PATCH " + route + "/{incident}", incident, w -> Map.of("properties", Map.of("severity", "High")), responder, 200));
        calls.add(new Call("GET " + route + "/{incident}/comments", w -> incident.apply(w) + "/comments", w -> null, reader, 200));
        calls.add(new Call("POST " + route + "/{incident}/comments", w -> incident.apply(w) + "/comments",
                w -> Map.of("properties", Map.of("message", "seen by " + w)), responder, 201));
        calls.add(new Call("POST " + route + "/{incident}/close", w -> incident.apply(w) + "/close",
                w -> Map.of("classification", "BenignPositive", "classificationReason", "SuspiciousButExpected"), responder, 200));
        calls.add(new Call("POST " + route + "/{incident}/reopen", w -> incident.apply(w) + "/reopen", w -> null, responder, 200));
        calls.add(new Call("GET " + route + "/{incident}/alerts", w -> incident.apply(w) + "/alerts", w -> null, reader, 200));
        calls.add(new Call("GET " + route + "/{incident}/entities", w -> incident.apply(w) + "/entities", w -> null, reader, 200));
        calls.add(new Call("GET " + route + "/{incident}/tasks", w -> incident.apply(w) + "/tasks", w -> null, reader, 200));
    }

    private static void addHuntingCalls(List<Call> calls) {
        String queries = "/api/workspaces/{workspace}/huntingQueries";
        String bookmarks = "/api/workspaces/{workspace}/bookmarks";
        String matrixQuery = "/api/workspaces/default/huntingQueries/matrix-hunt";
        OnDefault reader = new OnDefault("Reader");
        OnDefault responder = new OnDefault("Responder");
        calls.add(new Call("GET " + queries, w -> "/api/workspaces/default/huntingQueries", w -> null, reader, 200));
        calls.add(new Call("GET " + queries + "/{queryId}", w -> matrixQuery, w -> null, reader, 200));
        calls.add(new Call("DELETE " + queries + "/{queryId}", w -> "/api/workspaces/default/huntingQueries/doomed-hunt-" + w.user(), w -> null,
                new OnDefault("Contributor"), 200));
        calls.add(new Call("POST " + queries + "/{queryId}/run", w -> matrixQuery + "/run", w -> Map.of(), reader, 200));
        calls.add(new Call("GET " + bookmarks, w -> "/api/workspaces/default/bookmarks", w -> null, reader, 200));
        calls.add(new Call("POST " + bookmarks, w -> "/api/workspaces/default/bookmarks", w -> bookmark("by " + w.user()), responder, 201));
        calls.add(new Call("GET " + bookmarks + "/{bookmarkId}", w -> "/api/workspaces/default/bookmarks/" + matrixBookmark, w -> null, reader, 200));
        calls.add(new Call("PATCH " + bookmarks + "/{bookmarkId}", w -> "/api/workspaces/default/bookmarks/" + matrixBookmark,
                w -> Map.of("properties", Map.of("notes", "edited by " + w.user())), responder, 200));
        calls.add(new Call("DELETE " + bookmarks + "/{bookmarkId}", w -> "/api/workspaces/default/bookmarks/" + BOOKMARKS.get(w), w -> null,
                responder, 200));
        calls.add(new Call("POST " + bookmarks + "/{bookmarkId}/incident", w -> "/api/workspaces/default/bookmarks/" + matrixBookmark + "/incident",
                w -> Map.of("incident", INCIDENTS.get(w)), responder, 200));
    }

    @Test
    void testEveryRouteIsInTheMatrix() {
        assertThat(calls().stream().map(Call::route).toList()).containsExactlyInAnyOrderElementsOf(server.server().routes());
    }

    @Test
    void testEveryRoleGetsExactlyWhatTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        for (Call call : calls()) {
            for (Who who : Who.values()) {
                String method = call.route().split(" ")[0];
                HttpResponse<String> response = server.sendJson(method, call.path().apply(who), KEYS.get(who), call.body().apply(who));
                Expected expected = expected(call, who);
                String message = response.body().startsWith("{") ? RunningServer.json(response).path("error").path("message").asText("") : "";
                if (response.statusCode() != expected.status() || expected.message().map(m -> !message.contains(m)).orElse(false)) {
                    wrong.add(call.route() + " as " + who + ": expected " + expected + ", got " + response.statusCode() + " " + response.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private record Expected(int status, Optional<String> message) {
    }

    private static Expected expected(Call call, Who who) {
        if (call.needs() instanceof OnDefault onDefault) {
            int needed = List.of("Reader", "Responder", "Contributor", "Owner").indexOf(onDefault.role());
            if (who.rank() < 0) {
                // an assignment on a workspace one cannot see is itself invisible
                String invisible = call.route().startsWith("DELETE /api/roleAssignments") ? "there is no role assignment '" : "there is no workspace 'default'";
                return new Expected(404, Optional.of(invisible));
            }
            if (who.rank() < needed) {
                return new Expected(403, Optional.of("requires " + onDefault.role() + " on workspace 'default'"));
            }
        }
        if (call.needs() instanceof OnDefaultAndSubscription both) {
            Expected onWorkspace = expected(new Call(call.route(), call.path(), call.body(), new OnDefault(both.role()), call.success()), who);
            // past the workspace check, only the root owner holds a role on 'matrix-sub'
            return onWorkspace.status() != call.success() || who == Who.ROOT_OWNER ? onWorkspace
                    : new Expected(404, Optional.of("there is no subscription"));
        }
        if (call.needs() instanceof OnSubscription && who != Who.ROOT_OWNER) {
            return new Expected(404, Optional.of("there is no subscription"));
        }
        if (call.needs() instanceof RootOwner && who != Who.ROOT_OWNER) {
            return new Expected(403, Optional.of("requires Owner on the root scope '/'"));
        }
        return new Expected(call.success(), Optional.empty());
    }
}
