package dev.vigil.iot.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.twin.Twin;
import dev.vigil.iot.twin.Twins;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.RowsRejectedException;
import dev.vigil.workspace.api.StateStore;
import dev.vigil.workspace.api.TableDefinitionException;
import dev.vigil.workspace.api.TableNotFoundException;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message routing per hub, as IoT Hub's: the hub's routes are checked in order against each
 * device-to-cloud message, and the message becomes one row in the table of every endpoint whose
 * route took it (the fallback route's when none did; nowhere when the hub has no routing).
 *
 * <p>Settings are kept in the state collection {@code iot.routing} and compiled in memory, so routing
 * a message reads no storage. A route's table is created (or checked, when it exists) when the
 * settings naming it are saved. A routed row is acknowledged to the device only once committed.
 * An endpoint whose workspace or table went away, or refuses the row, is logged and skipped: as on
 * IoT Hub, a broken endpoint does not refuse the device's message.
 */
public final class MessageRouter {
    private static final Logger LOG = LoggerFactory.getLogger(MessageRouter.class);
    private static final long WARN_INTERVAL_MILLIS = 60_000;

    private final DocumentCollection<HubRouting> store;
    private final LogStore logStore;
    private final Map<String, CompiledRouting> compiled = new ConcurrentHashMap<>();
    private final Map<String, Long> lastWarned = new ConcurrentHashMap<>();
    private final RoutingTables tables;
    private final Twins twins;

    /**
     * @param logStore takes the routed rows
     * @param tables creates and checks the endpoints' tables
     * @param twins read when a condition refers to {@code $twin}
     */
    public MessageRouter(StateStore state, LogStore logStore, RoutingTables tables, Twins twins) {
        this.store = state.collection("iot.routing", HubRouting.class);
        this.logStore = logStore;
        this.tables = tables;
        this.twins = twins;
        for (HubRouting routing : store.list()) {
            try {
                compiled.put(key(routing.hubName()), CompiledRouting.of(routing));
            } catch (InvalidRoutingException e) {
                LOG.error("the saved routing of IoT hub '{}' no longer compiles ({}); its messages are not routed until it is saved again",
                        routing.hubName(), e.getMessage());
            }
        }
    }

    /**
     * Checks the settings, creates the tables their endpoints name (or checks the columns of those
     * that exist), and saves them; nothing is saved when a rule is broken ({@link InvalidRoutingException}).
     */
    public synchronized HubRouting configure(HubRouting routing) {
        HubRouting named = withFallbackName(routing);
        CompiledRouting compiledRouting = CompiledRouting.of(named);
        for (WorkspaceTableEndpoint endpoint : named.endpoints()) {
            ensureTable(endpoint);
        }
        store.put(key(named.hubName()), named);
        compiled.put(key(named.hubName()), compiledRouting);
        return named;
    }

    /**
     * Checks the rules of routing settings that need no storage (names, limits, sources, endpoints named, conditions),
     * so that a caller can refuse them before it changes anything; {@link InvalidRoutingException} names the first broken rule.
     */
    public static void check(HubRouting routing) {
        CompiledRouting.of(withFallbackName(routing));
    }

    /** The fallback route is named {@code $fallback} when its name is not given. */
    private static HubRouting withFallbackName(HubRouting routing) {
        return routing.fallback().filter(f -> f.name() == null || f.name().isBlank())
                .map(f -> new HubRouting(routing.hubName(), routing.endpoints(), routing.routes(),
                        new Route(RoutingRules.FALLBACK_NAME, f.source(), f.condition(), f.endpointNames(), f.isEnabled())))
                .orElse(routing);
    }

    /** The hub's routing; none (no endpoints, routes or fallback) when it was never set. */
    public HubRouting routing(String hubName) {
        CompiledRouting routing = compiled.get(key(hubName));
        return routing != null ? routing.settings() : HubRouting.none(hubName);
    }

    /** Forgets a deleted hub's routing (its tables and their rows stay). */
    public synchronized void remove(String hubName) {
        store.delete(key(hubName));
        compiled.remove(key(hubName));
    }

    /** The message as routing sees it, its sender's twin read from the hub's twins when a condition asks for it. */
    public RoutableMessage message(DeviceAddress sender, Map<String, String> systemProperties, Map<String, String> applicationProperties,
            byte[] body, Instant enqueuedTime) {
        return new RoutableMessage(sender, systemProperties, applicationProperties, body, enqueuedTime, address -> Optional.of(twinDocument(twins.twin(address))));
    }

    /** {@code $twin} as IoT Hub's conditions read it: {@code tags} and {@code properties.desired}/{@code reported}, without metadata. */
    public static JsonNode twinDocument(Twin twin) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set("tags", twin.tags());
        ObjectNode properties = document.putObject("properties");
        properties.set("desired", twin.desired().properties());
        properties.set("reported", twin.reported().properties());
        return document;
    }

    /**
     * Routes one message of the sender's hub; the message is put in routing's form ({@link #message})
     * only when the hub has routing, so that a hub without any pays one lookup per message.
     *
     * @return completes once its rows are committed, with the endpoints written (empty when no route took it)
     */
    public CompletableFuture<List<String>> route(DeviceAddress sender, Map<String, String> systemProperties,
            Map<String, String> applicationProperties, byte[] body, Instant enqueuedTime) {
        CompiledRouting routing = compiled.get(key(sender.hubName()));
        if (routing == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        RoutableMessage message = message(sender, systemProperties, applicationProperties, body, enqueuedTime);
        List<WorkspaceTableEndpoint> endpoints = routing.endpointsFor(message);
        if (endpoints.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<Map<String, Object>> rows = List.of(RoutedRows.row(message));
        List<CompletableFuture<Optional<String>>> written = new ArrayList<>();
        for (WorkspaceTableEndpoint endpoint : endpoints) {
            written.add(write(endpoint, rows, message));
        }
        return CompletableFuture.allOf(written.toArray(CompletableFuture[]::new))
                .thenApply(done -> written.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
    }

    /** IoT Hub's "test a new route": what the route's condition makes of the message (compiled here; nothing is saved). */
    public static RouteTestResult test(Route route, RoutableMessage message) {
        Optional<JsonNode> value = RoutingRules.condition(route, "route").evaluate(message);
        if (value.isEmpty() || !value.get().isBoolean()) {
            return RouteTestResult.UNDEFINED;
        }
        return value.get().booleanValue() ? RouteTestResult.TRUE : RouteTestResult.FALSE;
    }

    /** IoT Hub's "test all routes": the hub's enabled routes of the source that the message satisfies. */
    public List<Route> matchingRoutes(String hubName, String source, RoutableMessage message) {
        RoutingSource.routed(source, "routingSource");
        CompiledRouting routing = compiled.get(key(hubName));
        return routing == null ? List.of() : routing.matchingRoutes(message);
    }

    private CompletableFuture<Optional<String>> write(WorkspaceTableEndpoint endpoint, List<Map<String, Object>> rows, RoutableMessage message) {
        CompletableFuture<IngestReceipt> ingested;
        try {
            ingested = logStore.ingest(endpoint.workspace(), endpoint.tableName(), rows);
        } catch (WorkspaceNotFoundException | TableNotFoundException | RowsRejectedException e) {
            warnOnce(endpoint, "IoT hub '{}' routes messages to endpoint '{}' (table '{}' of workspace '{}'), which cannot take them: {};"
                    + " the message of '{}' was not written there", message.sender().hubName(), endpoint.name(), endpoint.tableName(),
                    endpoint.workspace(), e.getMessage(), message.sender());
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return ingested.thenApply(receipt -> Optional.of(endpoint.name()));
    }

    private void warnOnce(WorkspaceTableEndpoint endpoint, String format, Object... arguments) {
        long now = System.currentTimeMillis();
        String key = endpoint.workspace() + "/" + endpoint.tableName();
        Long last = lastWarned.get(key);
        if (last == null || now - last >= WARN_INTERVAL_MILLIS) {
            lastWarned.put(key, now);
            LOG.warn(format, arguments);
        }
    }

    /** Creates the endpoint's table, or checks that the one there has the routed columns with their types. */
    private void ensureTable(WorkspaceTableEndpoint endpoint) {
        String where = "endpoint '" + endpoint.name() + "'";
        Optional<List<RoutedColumn>> columns;
        try {
            columns = tables.columns(endpoint.workspace(), endpoint.tableName());
        } catch (WorkspaceNotFoundException e) {
            throw new InvalidRoutingException(where + ": the workspace '" + endpoint.workspace() + "' does not exist");
        }
        if (columns.isEmpty()) {
            try {
                tables.create(endpoint.workspace(), endpoint.tableName(), RoutedRows.COLUMNS);
                return;
            } catch (TableDefinitionException raced) {
                columns = tables.columns(endpoint.workspace(), endpoint.tableName()); // made meanwhile: check it as any other
            }
        }
        for (RoutedColumn column : RoutedRows.COLUMNS) {
            if (!columns.orElse(List.of()).contains(column)) {
                throw new InvalidRoutingException(where + ": the table '" + endpoint.tableName() + "' of workspace '" + endpoint.workspace()
                        + "' exists without the routed column '" + column.name() + "' (" + column.kqlType()
                        + "); name a new table, which the route creates, or one that a route created");
            }
        }
    }

    private static String key(String hubName) {
        return hubName.toLowerCase(Locale.ROOT);
    }
}
