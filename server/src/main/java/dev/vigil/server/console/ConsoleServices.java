package dev.vigil.server.console;

import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.server.access.AccessControl;
import dev.vigil.server.console.iot.IotServices;
import dev.vigil.server.console.logs.SavedQueries;
import dev.vigil.server.query.InteractiveQueries;
import dev.vigil.soc.connector.DataConnectors;
import dev.vigil.soc.connector.iot.DefenderForIotConnector;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.rule.dryrun.DryRuns;
import dev.vigil.soc.rule.health.RuleHealth;
import dev.vigil.soc.content.AlertRuleImport;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.soc.rule.template.AlertRuleTemplates;
import dev.vigil.workspace.api.LogStore;
import java.time.Clock;

/**
 * The domain services the console's pages call: the same ones the API's routes call, never the API itself over HTTP.
 *
 * @param queries where people's queries run, the Logs page's as the query API's
 * @param iotAlerts the IoT alerts, which an incident's device entity and the IoT pages list
 * @param savedQueries the Logs page's saved queries
 * @param dryRuns the rule wizard's results simulation, as the API's dry run
 * @param iot device actions, intake counters and connections, for the IoT pages
 * @param contentImport the rule import Analytics' Import button sends files to, as the API's import
 * @param workbooks the saved workbooks, the template gallery, and their evaluation for the viewer
 * @param content content packs, hunting queries and bookmarks, for the Content hub and Hunting pages
 * @param automation the automation rules and the playbooks with their runs
 */
public record ConsoleServices(LogStore logStore, InteractiveQueries queries, AccessControl access, DataConnectors connectors,
        DefenderForIotConnector iotConnector, IotRegistry iotRegistry, AlertRules rules, RuleHealth ruleHealth, Incidents incidents, Clock clock,
        IotAlerts iotAlerts, SavedQueries savedQueries, AlertRuleTemplates ruleTemplates, DryRuns dryRuns, IotServices iot,
        AlertRuleImport contentImport, WorkbookServices workbooks, ContentServices content, AutomationServices automation) {
}
