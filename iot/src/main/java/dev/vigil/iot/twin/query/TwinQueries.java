package dev.vigil.iot.twin.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.Module;
import dev.vigil.iot.twin.InvalidTwinQueryException;
import dev.vigil.iot.twin.Twins;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * IoT Hub's twin query ({@code POST .../devices/query}) over a hub's device or module twins, read
 * from the in-memory twins, so a query never waits on storage.
 *
 * <p>Paging: whole twins and projections come in device-id (then module-id) order and the
 * continuation token names the last one sent, so a device added or removed between pages neither
 * repeats nor shifts the others. Aggregates and {@code ORDER BY} queries are computed again for each
 * page and paged by position.
 */
public final class TwinQueries {
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;
    private static final String KEY_TOKEN = "k:";
    private static final String POSITION_TOKEN = "p:";

    private final IotRegistry registry;
    private final Twins twins;
    private final Predicate<DeviceAddress> connected;

    /** @param connected whether a device or module holds a live connection ({@code connectionState}) */
    public TwinQueries(IotRegistry registry, Twins twins, Predicate<DeviceAddress> connected) {
        this.registry = registry;
        this.twins = twins;
        this.connected = connected;
    }

    /**
     * Runs the query over the hub's twins and answers one page.
     *
     * @param continuation the token of the previous page, if any
     * @param pageSize items per page, 1 to {@link #MAX_PAGE_SIZE}
     */
    public TwinQueryPage query(IotHub hub, String text, Optional<String> continuation, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidTwinQueryException("x-ms-max-item-count must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        TwinQuery query = TwinQueryParser.parse(text);
        List<Keyed> documents = documents(hub, query.from()).stream()
                .filter(d -> query.where().map(w -> Boolean.TRUE.equals(w.test(d.value()))).orElse(true))
                .sorted(order(query.orderBy()))
                .toList();
        if (query.top().isPresent() && !query.aggregates()) {
            documents = documents.subList(0, Math.min(documents.size(), query.top().getAsInt()));
        }
        String itemType = query.selectsTwins() ? "twin" : "raw";
        if (query.aggregates() || !query.orderBy().isEmpty()) {
            List<JsonNode> all = query.aggregates() ? aggregate(query, documents) : documents.stream().map(d -> item(query, d)).toList();
            List<JsonNode> rows = query.top().isPresent() ? all.subList(0, Math.min(all.size(), query.top().getAsInt())) : all;
            int from = continuation.map(t -> position(t, rows.size())).orElse(0);
            int to = Math.min(rows.size(), from + pageSize);
            return new TwinQueryPage(rows.subList(from, to), to < rows.size() ? Optional.of(token(POSITION_TOKEN + to)) : Optional.empty(), itemType);
        }
        Optional<String> after = continuation.map(TwinQueries::afterKey);
        List<Keyed> remaining = after.isEmpty() ? documents : documents.stream().filter(d -> d.key().compareTo(after.get()) > 0).toList();
        List<Keyed> page = remaining.subList(0, Math.min(remaining.size(), pageSize));
        List<JsonNode> items = page.stream().map(d -> item(query, d)).toList();
        Optional<String> next = remaining.size() > page.size() ? Optional.of(token(KEY_TOKEN + page.get(page.size() - 1).key())) : Optional.empty();
        return new TwinQueryPage(items, next, itemType);
    }

    private static JsonNode item(TwinQuery query, Keyed document) {
        return query.selectsTwins() ? document.value() : project(query.select(), document.value());
    }

    /** The ORDER BY keys in turn, then the twins' own order (their key), so that equal values come in a stable order. */
    private static Comparator<Keyed> order(List<SortKey> keys) {
        Comparator<Keyed> order = (left, right) -> 0;
        for (SortKey key : keys) {
            Comparator<JsonNode> byKey = key.comparator();
            order = order.thenComparing((left, right) -> byKey.compare(left.value(), right.value()));
        }
        return order.thenComparing(Keyed::key);
    }

    /** The twins as IoT Hub's query sees them (the service API's twin JSON), in key order. */
    private List<Keyed> documents(IotHub hub, QuerySource source) {
        List<Keyed> documents = new ArrayList<>();
        for (Device device : registry.devices(hub)) {
            if (source == QuerySource.DEVICES) {
                DeviceAddress address = DeviceAddress.device(hub.name(), device.deviceId());
                documents.add(new Keyed(device.deviceId(), twins.twin(address).serviceView(device.status().text(), connected.test(address))));
            } else {
                for (Module module : registry.modules(hub, device.deviceId())) {
                    DeviceAddress address = DeviceAddress.module(hub.name(), device.deviceId(), module.moduleId());
                    documents.add(new Keyed(device.deviceId() + "\u0000" + module.moduleId(),
                            twins.twin(address).serviceView(module.status().text(), connected.test(address))));
                }
            }
        }
        documents.sort(Comparator.comparing(Keyed::key));
        return documents;
    }

    private static ObjectNode project(List<Projection> select, JsonNode document) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        for (Projection projection : select) {
            JsonNode value = ((Projection.Field) projection).path().valueIn(document);
            if (!value.isMissingNode()) {
                row.set(projection.name(), value.deepCopy());
            }
        }
        return row;
    }

    /** One row per group (groups in the order of their values' JSON), holding the grouping fields and the counts. */
    private static List<JsonNode> aggregate(TwinQuery query, List<Keyed> documents) {
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        if (query.groupBy().isEmpty()) {
            groups.put("", List.of());
            counts.put("", (long) documents.size());
        }
        for (Keyed document : documents) {
            if (query.groupBy().isEmpty()) {
                break;
            }
            List<JsonNode> values = query.groupBy().stream().map(p -> p.valueIn(document.value())).toList();
            String key = values.toString();
            groups.putIfAbsent(key, values);
            counts.merge(key, 1L, Long::sum);
        }
        List<JsonNode> rows = new ArrayList<>();
        groups.keySet().stream().sorted().forEach(key -> {
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            for (Projection projection : query.select()) {
                if (projection instanceof Projection.Count) {
                    row.put(projection.name(), counts.get(key));
                } else {
                    JsonNode value = groups.get(key).get(query.groupBy().indexOf(((Projection.Field) projection).path()));
                    if (!value.isMissingNode()) {
                        row.set(projection.name(), value.deepCopy());
                    }
                }
            }
            rows.add(row);
        });
        return rows;
    }

    private static String token(String content) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badToken();
        }
    }

    private static String afterKey(String token) {
        String content = decode(token);
        if (!content.startsWith(KEY_TOKEN)) {
            throw badToken();
        }
        return content.substring(KEY_TOKEN.length());
    }

    private static int position(String token, int size) {
        String content = decode(token);
        try {
            int position = content.startsWith(POSITION_TOKEN) ? Integer.parseInt(content.substring(POSITION_TOKEN.length())) : -1;
            if (position < 0 || position > size) {
                throw badToken();
            }
            return position;
        } catch (NumberFormatException e) {
            throw badToken();
        }
    }

    private static InvalidTwinQueryException badToken() {
        return new InvalidTwinQueryException("x-ms-continuation is not a token this query gave: send the one from the previous page's answer, or none");
    }

    /** A twin document, or a projection of one, with the key that orders it. */
    private record Keyed(String key, JsonNode value) {
    }
}
