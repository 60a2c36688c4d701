package dev.vigil.server.api.rules;

import dev.vigil.soc.rule.dryrun.DryRuns;
import dev.vigil.soc.rule.health.RuleHealth;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.soc.rule.template.AlertRuleTemplates;
import io.javalin.config.RoutesConfig;

/** The analytics rules area of the HTTP API. */
public final class RulesApi {
    private final AlertRuleRoutes ruleRoutes;
    private final AlertRuleTemplateRoutes templateRoutes;
    private final DryRunRoutes dryRunRoutes;

    public RulesApi(AlertRules rules, AlertRuleTemplates templates, RuleHealth health, DryRuns dryRuns) {
        RuleViews views = new RuleViews(health);
        this.ruleRoutes = new AlertRuleRoutes(rules, views);
        this.templateRoutes = new AlertRuleTemplateRoutes(templates, rules, views);
        this.dryRunRoutes = new DryRunRoutes(dryRuns);
    }

    public void register(RoutesConfig routes) {
        dryRunRoutes.register(routes);
        ruleRoutes.register(routes);
        templateRoutes.register(routes);
    }
}
