package dev.vigil.server.api.rules;

import static dev.vigil.server.api.rules.RuleFixtures.SCHEDULED_ALERTS;
import static dev.vigil.server.api.rules.RuleFixtures.ingestIotAlerts;
import static dev.vigil.server.api.rules.RuleFixtures.iotAlertsQuery;
import static dev.vigil.server.api.rules.RuleFixtures.save;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.testing.RunningServer;
import dev.vigil.server.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestNrtRules {
    private static final String NRT_ALERTS = SCHEDULED_ALERTS + " | where ProductComponentName == 'NRT Alerts'";

    private final TestClock clock = TestClock.startingNow();

    @RegisterExtension
    final RunningServer server = RunningServer.perTest().withClock(clock);

    @Test
    void testEveryNewRowAlertsOnceIncludingLateRowsAndNotRowsFromBeforeTheRule() {
        ingestIotAlerts(server, clock.instant(), "High", "before-the-rule");
        save(server, "each-high", RuleBodies.nrt(iotAlertsQuery("High")));

        ingestIotAlerts(server, clock.instant(), "High", "dev-1", "dev-2");
        server.server().awaitAnalytics();
        assertThat(server.count(NRT_ALERTS + " | count")).isEqualTo(2);

        // a row that arrives three days late is still new to the rule
        ingestIotAlerts(server, clock.instant().minus(Duration.ofDays(3)), "High", "late-device");
        ingestIotAlerts(server, clock.instant(), "Low", "low-device");
        server.server().awaitAnalytics();
        assertThat(RuleFixtures.rows(server, NRT_ALERTS + " | sort by CompromisedEntity asc | project CompromisedEntity"))
                .extracting(row -> row.path(0).asText()).containsExactly("dev-1", "dev-2", "late-device");
    }

    @Test
    void testRowsIngestedJustBeforeAStopAlertOnceAfterTheRestart() {
        save(server, "each-high", RuleBodies.nrt(iotAlertsQuery("High")));
        ingestIotAlerts(server, clock.instant(), "High", "dev-1");
        server.server().awaitAnalytics();
        ingestIotAlerts(server, clock.instant(), "High", "dev-2", "dev-3");

        server.restart();

        server.server().awaitAnalytics();
        ingestIotAlerts(server, clock.instant(), "High", "dev-4");
        server.server().awaitAnalytics();
        assertThat(server.count(NRT_ALERTS + " | count")).isEqualTo(4);
        assertThat(server.count(NRT_ALERTS + " | summarize dcount(CompromisedEntity)")).isEqualTo(4);
        assertThat(server.count("SentinelHealth | where SentinelResourceKind == 'NRT' and Status == 'Success' "
                + "| summarize sum(toint(ExtendedProperties.AlertsGeneratedAmount))")).isEqualTo(4);
    }

    @Test
    void testDisabledRuleReadsNothingAndReadsOnlyNewRowsOnceEnabledAgain() {
        var body = RuleBodies.nrt(iotAlertsQuery("High"));
        save(server, "toggled", body);
        ingestIotAlerts(server, clock.instant(), "High", "dev-1");
        server.server().awaitAnalytics();

        RuleBodies.properties(body).put("enabled", false);
        save(server, "toggled", body);
        ingestIotAlerts(server, clock.instant(), "High", "while-disabled");
        server.server().awaitAnalytics();

        RuleBodies.properties(body).put("enabled", true);
        save(server, "toggled", body);
        ingestIotAlerts(server, clock.instant(), "High", "dev-2");
        server.server().awaitAnalytics();
        assertThat(RuleFixtures.rows(server, NRT_ALERTS + " | sort by CompromisedEntity asc | project CompromisedEntity"))
                .extracting(row -> row.path(0).asText()).containsExactly("dev-1", "dev-2");
    }
}
