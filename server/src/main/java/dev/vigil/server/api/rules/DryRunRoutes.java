package dev.vigil.server.api.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.soc.rule.dryrun.DryRunResult;
import dev.vigil.soc.rule.dryrun.DryRunWindow;
import dev.vigil.soc.rule.dryrun.DryRuns;
import dev.vigil.soc.rule.json.AlertRuleJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rule would have raised over a past window, without writing anything: for a saved rule,
 * or for a rule body not saved yet ({@code {"rule":{"kind","properties"},"startTime","endTime"}}).
 */
final class DryRunRoutes {
    static final String SAVED = AlertRuleRoutes.RULE + "/dryRun";
    static final String UNSAVED = AlertRuleRoutes.RULES + "/dryRun";

    private final DryRuns dryRuns;

    DryRunRoutes(DryRuns dryRuns) {
        this.dryRuns = dryRuns;
    }

    void register(RoutesConfig routes) {
        routes.post(SAVED, this::saved);
        routes.post(UNSAVED, this::unsaved);
    }

    private void saved(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.READER);
        JsonNode body = ctx.bodyAsClass(JsonNode.class);
        ctx.json(view(dryRuns.ofSaved(workspace, ctx.pathParam("ruleId"), window(body))));
    }

    private void unsaved(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.READER);
        JsonNode body = ctx.bodyAsClass(JsonNode.class);
        if (!body.hasNonNull("rule")) {
            throw new InvalidRequestException("A dry run of an unsaved rule needs {\"rule\":{\"kind\":…,\"properties\":{…}},\"startTime\":…,\"endTime\":…}.");
        }
        ctx.json(view(dryRuns.ofUnsaved(workspace, AlertRuleJson.read(body.get("rule")), window(body))));
    }

    private static DryRunWindow window(JsonNode body) {
        return new DryRunWindow(time(body, "startTime"), time(body, "endTime"));
    }

    private static Instant time(JsonNode body, String member) {
        JsonNode value = body == null ? null : body.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'" + member + "' is not an ISO 8601 time such as 2026-11-28T10:00:00Z: '" + value.asText() + "'");
        }
    }

    private static Map<String, Object> view(DryRunResult result) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("alertCount", result.alertCount());
        view.put("runs", result.runs().stream().map(run -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("queryStartTimeUtc", run.queryStartTime().toString());
            r.put("queryEndTimeUtc", run.queryEndTime().toString());
            r.put("resultCount", run.resultCount());
            r.put("triggered", run.triggered());
            r.put("alerts", run.alerts());
            return r;
        }).toList());
        return view;
    }
}
