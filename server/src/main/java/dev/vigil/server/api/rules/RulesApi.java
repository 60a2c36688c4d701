package dev.vigil.server.api.rules;

import dev.vigil.soc.rule.store.AlertRules;
import io.javalin.config.RoutesConfig;

/** The analytics rules area of the HTTP API. */
public final class RulesApi {
    private final AlertRuleRoutes ruleRoutes;

    public RulesApi(AlertRules rules) {
        RuleViews views = new RuleViews();
        this.ruleRoutes = new AlertRuleRoutes(rules, views);
    }

    public void register(RoutesConfig routes) {
        ruleRoutes.register(routes);
    }
}
