package dev.vigil.soc.playbook.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.soc.playbook.PlaybookStep;
import dev.vigil.soc.playbook.expression.KqlExpressions;
import dev.vigil.soc.watchlist.WatchlistException;
import dev.vigil.soc.watchlist.WatchlistItem;
import dev.vigil.soc.watchlist.Watchlists;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import dev.vigil.workspace.api.WorkspaceException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Steps that read the workspace: a KQL query whose rows later steps use, and a watchlist lookup. */
final class WorkspaceSteps {
    private final LogStore logStore;
    private final Watchlists watchlists;

    WorkspaceSteps(LogStore logStore, Watchlists watchlists) {
        this.logStore = logStore;
        this.watchlists = watchlists;
    }

    JsonNode query(PlaybookStep.RunQuery step, StepCall call) {
        String text = call.bindings().lets() + step.query() + "\n| take " + step.maxRows();
        QueryRequest request = step.timespan().map(span -> new QueryRequest(text, Optional.of(span))).orElse(QueryRequest.of(text));
        ResultTable result;
        try {
            result = logStore.query(call.workspaceId(), request).primary();
        } catch (WorkspaceException e) {
            throw new StepFailedException("the query failed: " + e.getMessage(), e);
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        ArrayNode rows = output.putArray("rows");
        for (List<Object> values : result.rows()) {
            ObjectNode row = rows.addObject();
            for (int i = 0; i < result.columns().size(); i++) {
                ColumnSchema column = result.columns().get(i);
                row.set(column.name(), KqlExpressions.json(column.type(), values.get(i)));
            }
        }
        output.put("count", rows.size());
        return output;
    }

    JsonNode lookup(PlaybookStep.WatchlistLookup step, StepCall call) {
        String alias = call.text(step.watchlist());
        String key = call.text(step.key());
        List<WatchlistItem> items;
        try {
            items = watchlists.items(call.workspaceId(), alias);
        } catch (WatchlistException e) {
            throw new StepFailedException(e.getMessage(), e);
        }
        Optional<WatchlistItem> found = items.stream().filter(item -> item.searchKey().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT)))
                .findFirst();
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("found", found.isPresent());
        output.put("key", key);
        if (found.isPresent()) {
            ObjectNode item = output.putObject("item");
            found.get().values().forEach(item::put);
            item.put("SearchKey", found.get().searchKey());
            item.put("_DTItemId", found.get().itemId());
        } else {
            output.putNull("item");
        }
        return output;
    }
}
