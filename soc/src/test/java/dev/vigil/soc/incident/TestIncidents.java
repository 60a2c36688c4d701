package dev.vigil.soc.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import dev.vigil.soc.testing.MovableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incidents on the real DuckDB store: numbering, idempotent create, lifecycle, grouping, and exactly one SecurityIncident row per change. */
class TestIncidents {
    static final String WS = "plant";
    static final Instant T0 = Instant.parse("2024-05-06T10:00:00Z");
    static final String BASE_URL = "http://vigil.test:8080";

    @TempDir
    Path data;
    private final MovableClock clock = new MovableClock(Instant.now());
    private Storage storage;
    private Incidents incidents;

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace(WS);
        incidents = Incidents.open(storage.stateStore(), storage.logStore(), clock, () -> BASE_URL);
    }

    @AfterEach
    void close() {
        if (incidents != null) {
            incidents.close();
        }
        if (storage != null) {
            storage.close();
        }
    }

    /** Stops without writing pending rows or anything else: what a crash leaves behind. */
    private void crash() {
        storage.close();
        storage = null;
        incidents = null;
    }

    private void restart(boolean holdRows) {
        if (incidents != null) {
            incidents.close();
        }
        if (storage != null) {
            storage.close();
        }
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        incidents = new Incidents(storage.stateStore(), storage.logStore(), clock, () -> BASE_URL, holdRows);
        incidents.recover();
    }

    static IncidentAlert alert(String id, Instant start, Instant end, String deviceId) {
        return new IncidentAlert(id, "Reverse shell", IncidentSeverity.HIGH, "New", "Azure Security Center for IoT", "IoTSecurity", start, end,
                List.of("Execution"), List.of("T1059"), List.of(
                        Map.of("$id", "1", "Type", "iotdevice", "DeviceId", deviceId),
                        Map.of("$id", "2", "Type", "process", "CommandLine", "bash -i"),
                        Map.of("$ref", "1")));
    }

    private NewIncident fromAlert(String alertId) {
        return NewIncident.of(alertId, "Reverse shell on gateway-01", IncidentSeverity.HIGH, "Create incidents based on Azure Defender for IOT alerts")
                .withAlerts(List.of(alert(alertId, T0, T0.plusSeconds(60), "gateway-01")))
                .withRelatedAnalyticRuleIds(List.of("rule-1"));
    }

    private Incident createManual(String title) {
        return incidents.create(WS, NewIncident.of("manual/" + title, title, IncidentSeverity.MEDIUM, "alice")).incident();
    }

    private List<Map<String, Object>> query(String kql) {
        incidents.allLogged(WS).join();
        return storage.logStore().query(WS, QueryRequest.of(kql)).primary().rowsByColumn();
    }

    private long rowCount() {
        return ((Number) query("SecurityIncident | count").get(0).get("Count")).longValue();
    }

    @Test
    void testTheTallyCountsEveryIncidentByStatusAndTheOpenOnesBySeverity() {
        createManual("one");
        createManual("two");
        createManual("three");
        incidents.update(WS, "2", IncidentUpdate.none().withSeverity(IncidentSeverity.HIGH), Optional.empty(), "alice");
        incidents.close(WS, "3", Closure.of("TruePositive", "SuspiciousActivity", "confirmed"), Optional.empty(), "alice");

        IncidentTally tally = incidents.tally(WS);

        assertThat(tally.of(IncidentStatus.NEW)).isEqualTo(2);
        assertThat(tally.of(IncidentStatus.CLOSED)).isEqualTo(1);
        assertThat(tally.openOf(IncidentSeverity.MEDIUM)).isEqualTo(1);
        assertThat(tally.openOf(IncidentSeverity.HIGH)).isEqualTo(1);
        assertThat(tally.open()).isEqualTo(2);
    }

    @Test
    void testNumbersAreSequentialPerWorkspaceAndContinueAfterARestart() {
        storage.logStore().createWorkspace("other");
        assertThat(createManual("a").number()).isEqualTo(1);
        assertThat(createManual("b").number()).isEqualTo(2);
        assertThat(incidents.create("other", NewIncident.of("k", "elsewhere", IncidentSeverity.LOW, "bob")).incident().number()).isEqualTo(1);

        restart(false);

        assertThat(createManual("c").number()).isEqualTo(3);
        assertThat(incidents.get(WS, "2").title()).isEqualTo("b");
    }

    @Test
    void testCreateIsIdempotentOnTheKeyAndUsesNoNumberOnARetry() {
        CreatedIncident first = incidents.create(WS, fromAlert("alert-1"));
        CreatedIncident retry = incidents.create(WS, fromAlert("alert-1"));
        restart(false);
        CreatedIncident afterRestart = incidents.create(WS, fromAlert("alert-1"));
        CreatedIncident next = incidents.create(WS, fromAlert("alert-2"));

        assertThat(first.created()).isTrue();
        assertThat(retry.created()).isFalse();
        assertThat(afterRestart.created()).isFalse();
        assertThat(retry.incident()).isEqualTo(first.incident());
        assertThat(afterRestart.incident().name()).isEqualTo(first.incident().name());
        assertThat(next.incident().number()).isEqualTo(2);
        assertThat(incidents.findByKey(WS, "alert-1")).map(Incident::number).contains(1L);
        assertThat(rowCount()).isEqualTo(2);
    }

    @Test
    void testTheNameIsAGuidDerivedFromWorkspaceAndKey() {
        Incident incident = incidents.create(WS, fromAlert("alert-1")).incident();

        assertThat(incident.name()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(incident.name()).isEqualTo(IncidentEdit.nameFor(WS, "alert-1")).isNotEqualTo(IncidentEdit.nameFor("other", "alert-1"));
        assertThat(incidents.get(WS, incident.name().toUpperCase())).isEqualTo(incident);
    }

    @Test
    void testEveryChangeAppendsOneSecurityIncidentRowWithTheReferenceColumns() {
        Incident created = incidents.create(WS, fromAlert("alert-1")).incident();
        clock.advance(Duration.ofMinutes(1));
        incidents.update(WS, "1", IncidentUpdate.none().withOwner(IncidentOwner.user("alice")).withStatus(IncidentStatus.ACTIVE)
                .withLabels(List.of(IncidentLabel.user("line-3"))), Optional.empty(), "alice");
        clock.advance(Duration.ofMinutes(1));
        incidents.addComment(WS, "1", "isolating the gateway", "alice");
        clock.advance(Duration.ofMinutes(1));
        incidents.close(WS, "1", Closure.of("TruePositive", "SuspiciousActivity", "confirmed"), Optional.empty(), "alice");

        List<Map<String, Object>> rows = query("SecurityIncident | sort by TimeGenerated asc");
        Map<String, Object> latest = query("SecurityIncident | summarize arg_max(TimeGenerated, *) by IncidentNumber").get(0);

        assertThat(rows).extracting(row -> row.get("Status")).containsExactly("New", "Active", "Active", "Closed");
        assertThat(latest).containsEntry("IncidentNumber", 1).containsEntry("IncidentName", created.name())
                .containsEntry("Title", "Reverse shell on gateway-01").containsEntry("Severity", "High").containsEntry("Status", "Closed")
                .containsEntry("Classification", "TruePositive").containsEntry("ClassificationReason", "SuspiciousActivity")
                .containsEntry("ClassificationComment", "confirmed").containsEntry("ProviderName", "Azure Sentinel")
                .containsEntry("ProviderIncidentId", "1").containsEntry("ModifiedBy", "alice").containsEntry("Type", "SecurityIncident")
                .containsEntry("IncidentUrl", BASE_URL + "/api/workspaces/plant/incidents/" + created.name())
                .containsEntry("AlertIds", "[\"alert-1\"]").containsEntry("RelatedAnalyticRuleIds", "[\"rule-1\"]")
                .containsEntry("Labels", "[{\"labelName\":\"line-3\",\"labelType\":\"User\"}]")
                .containsEntry("FirstActivityTime", "2024-05-06T10:00:00Z").containsEntry("LastActivityTime", "2024-05-06T10:01:00Z");
        assertThat((String) latest.get("Owner")).contains("\"userPrincipalName\":\"alice\"").contains("\"assignedTo\":\"alice\"");
        assertThat((String) latest.get("Comments")).contains("\"message\":\"isolating the gateway\"");
        assertThat((String) latest.get("AdditionalData")).contains("\"alertsCount\":1").contains("\"commentsCount\":1")
                .contains("\"alertProductNames\":[\"Azure Security Center for IoT\"]").contains("\"tactics\":[\"Execution\"]");
        assertThat(latest.get("ClosedTime")).isEqualTo(latest.get("LastModifiedTime"));
        assertThat(rows.get(0).get("FirstModifiedTime")).isNull();
        assertThat(rows.get(1).get("FirstModifiedTime")).isEqualTo(rows.get(1).get("LastModifiedTime"));
        assertThat(latest.get("FirstModifiedTime")).isEqualTo(rows.get(1).get("LastModifiedTime"));
    }

    @Test
    void testAChangeThatChangesNothingAppendsNoRow() {
        createManual("quiet");
        incidents.update(WS, "1", IncidentUpdate.none().withTitle("quiet").withSeverity(IncidentSeverity.MEDIUM), Optional.empty(), "alice");

        assertThat(incidents.get(WS, "1").revision()).isEqualTo(1);
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void testAttachedBookmarksAreCountedOnceAndFoundByTheirId() {
        createManual("guessing");

        incidents.addBookmarks(WS, "1", List.of("b-1"), "alice");
        incidents.addBookmarks(WS, "1", List.of("b-1", "b-2"), "alice");
        incidents.addBookmarks(WS, "1", List.of("b-2"), "alice");

        Incident incident = incidents.get(WS, "1");
        assertThat(incident.bookmarkIds()).containsExactly("b-1", "b-2");
        assertThat(incident.revision()).isEqualTo(3);
        assertThat(incidents.withBookmark(WS, "b-2")).map(Incident::number).hasValue(1L);
        assertThat(incidents.withBookmark(WS, "b-3")).isEmpty();
        assertThat(rowCount()).isEqualTo(3);
    }

    @Test
    void testClosingNeedsAClassificationAndTheReasonThatGoesWithIt() {
        createManual("to close");

        assertThatThrownBy(() -> incidents.update(WS, "1", IncidentUpdate.none().withStatus(IncidentStatus.CLOSED), Optional.empty(), "alice"))
                .isInstanceOf(InvalidIncidentException.class).hasMessageContaining("needs a 'classification'")
                .extracting(e -> ((IncidentException) e).code()).isEqualTo("ClassificationRequired");
        assertThatThrownBy(() -> Closure.of("FalsePositive", "SuspiciousActivity", ""))
                .isInstanceOf(InvalidIncidentException.class).hasMessageContaining("IncorrectAlertLogic or InaccurateData");
        assertThatThrownBy(() -> Closure.of("TruePositive", null, ""))
                .hasMessageContaining("needs a 'classificationReason'");
        assertThatThrownBy(() -> Closure.of("Wrong", null, "")).hasMessageContaining("'classification' must be TruePositive");
        assertThat(incidents.get(WS, "1").status()).isEqualTo(IncidentStatus.NEW);

        Incident closed = incidents.close(WS, "1", Closure.of("Undetermined", null, ""), Optional.empty(), "alice");
        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(closed.closedTime()).isPresent();
    }

    @Test
    void testAClassificationAloneClosesAndAnotherOneOnAClosedIncidentIsRefused() {
        createManual("classified");
        Closure benign = Closure.of("BenignPositive", "SuspiciousButExpected", "");

        Incident closed = incidents.update(WS, "1", IncidentUpdate.none().withClosure(benign), Optional.empty(), "alice");
        Incident again = incidents.close(WS, "1", benign, Optional.empty(), "alice");

        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(again.revision()).isEqualTo(closed.revision());
        assertThatThrownBy(() -> incidents.close(WS, "1", Closure.of("Undetermined", "", ""), Optional.empty(), "bob"))
                .isInstanceOf(IncidentStatusTransitionException.class).hasMessageContaining("reopen it first");
        assertThatThrownBy(() -> incidents.update(WS, "1", IncidentUpdate.none().withStatus(IncidentStatus.ACTIVE).withClosure(benign),
                Optional.empty(), "bob")).isInstanceOf(InvalidIncidentException.class).hasMessageContaining("given only when closing");
    }

    @Test
    void testReopenMakesAClosedIncidentActiveAndClearsItsClassification() {
        createManual("reopened");
        incidents.close(WS, "1", Closure.of("BenignPositive", "SuspiciousButExpected", "test device"), Optional.empty(), "alice");

        Incident reopened = incidents.reopen(WS, "1", Optional.empty(), "bob");

        assertThat(reopened.status()).isEqualTo(IncidentStatus.ACTIVE);
        assertThat(reopened.closure()).isEmpty();
        assertThat(reopened.closedTime()).isEmpty();
        assertThat(reopened.modifiedBy()).isEqualTo("bob");
        assertThatThrownBy(() -> incidents.reopen(WS, "1", Optional.empty(), "bob"))
                .isInstanceOf(IncidentStatusTransitionException.class).hasMessageContaining("only a Closed incident can be reopened");
        assertThatThrownBy(() -> incidents.update(WS, "1", IncidentUpdate.none().withStatus(IncidentStatus.NEW), Optional.empty(), "bob"))
                .isInstanceOf(IncidentStatusTransitionException.class).hasMessageContaining("never goes back to New");
        assertThat(query("SecurityIncident | where IncidentNumber == 1 | sort by TimeGenerated asc | project Status, Classification"))
                .extracting(row -> row.get("Status") + "/" + row.get("Classification"))
                .containsExactly("New/", "Closed/BenignPositive", "Active/");
    }

    @Test
    void testAChangeFromAnOlderVersionIsRefused() {
        Incident v1 = createManual("contended");
        incidents.update(WS, "1", IncidentUpdate.none().withSeverity(IncidentSeverity.HIGH), Optional.of(v1.etag()), "alice");

        assertThatThrownBy(() -> incidents.update(WS, "1", IncidentUpdate.none().withSeverity(IncidentSeverity.LOW), Optional.of(v1.etag()), "bob"))
                .isInstanceOf(IncidentEtagMismatchException.class).hasMessageContaining("has changed");
        assertThat(incidents.get(WS, "1").severity()).isEqualTo(IncidentSeverity.HIGH);
        assertThat(incidents.get(WS, "1").hasEtag("W/\"2\"")).isTrue();
    }

    @Test
    void testAlertsJoinWithMergedEntitiesAndActivityTimes() {
        incidents.create(WS, fromAlert("alert-1"));
        Incident grown = incidents.addAlerts(WS, "1", new AlertAddition(
                List.of(alert("alert-2", T0.minusSeconds(600), T0.plusSeconds(3600), "gateway-02")), List.of("rule-2"), false, "rule two"));

        assertThat(grown.alertIds()).containsExactly("alert-1", "alert-2");
        assertThat(grown.relatedAnalyticRuleIds()).containsExactly("rule-1", "rule-2");
        assertThat(grown.firstActivityTime()).contains(T0.minusSeconds(600));
        assertThat(grown.lastActivityTime()).contains(T0.plusSeconds(3600));
        assertThat(grown.entities()).containsExactly(
                Map.of("Type", "iotdevice", "DeviceId", "gateway-01"),
                Map.of("Type", "process", "CommandLine", "bash -i"),
                Map.of("Type", "iotdevice", "DeviceId", "gateway-02"));

        Incident same = incidents.addAlerts(WS, "1", new AlertAddition(
                List.of(alert("alert-2", T0.minusSeconds(600), T0.plusSeconds(3600), "gateway-02")), List.of("rule-2"), false, "rule two"));
        assertThat(same.revision()).isEqualTo(grown.revision());
    }

    @Test
    void testAlertsReopenAClosedIncidentOnlyWhenAsked() {
        incidents.create(WS, fromAlert("alert-1"));
        incidents.close(WS, "1", Closure.of("TruePositive", "SuspiciousActivity", ""), Optional.empty(), "alice");

        Incident stillClosed = incidents.addAlerts(WS, "1", new AlertAddition(List.of(alert("alert-2", T0, T0, "gateway-01")), List.of(), false, "r"));
        Incident reopened = incidents.addAlerts(WS, "1", new AlertAddition(List.of(alert("alert-3", T0, T0, "gateway-01")), List.of(), true, "r"));

        assertThat(stillClosed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(reopened.status()).isEqualTo(IncidentStatus.ACTIVE);
        assertThat(reopened.closure()).isEmpty();
    }

    @Test
    void testTheGroupingTargetIsTheNewestIncidentOfTheRuleAndKeyWithinTheLookback() {
        IncidentGrouping grouping = new IncidentGrouping("rule-1", "DeviceId=gateway-01");
        incidents.create(WS, fromAlert("a1").withGrouping(grouping));
        clock.advance(Duration.ofHours(2));
        Incident newer = incidents.create(WS, fromAlert("a2").withGrouping(grouping)).incident();
        incidents.create(WS, fromAlert("a3").withGrouping(new IncidentGrouping("rule-1", "DeviceId=gateway-02")));
        clock.advance(Duration.ofMinutes(30));

        assertThat(incidents.findGroupingTarget(WS, grouping, Duration.ofHours(1), false)).map(Incident::number).contains(newer.number());
        assertThat(incidents.findGroupingTarget(WS, new IncidentGrouping("rule-2", "DeviceId=gateway-01"), Duration.ofHours(5), false)).isEmpty();

        incidents.close(WS, Long.toString(newer.number()), Closure.of("Undetermined", "", ""), Optional.empty(), "alice");
        assertThat(incidents.findGroupingTarget(WS, grouping, Duration.ofHours(1), false)).isEmpty();
        assertThat(incidents.findGroupingTarget(WS, grouping, Duration.ofHours(1), true)).map(Incident::number).contains(newer.number());
        assertThat(incidents.findGroupingTarget(WS, grouping, Duration.ofHours(3), false)).map(Incident::number).contains(1L);
        clock.advance(Duration.ofHours(1));
        assertThat(incidents.findGroupingTarget(WS, grouping, Duration.ofHours(1), true)).isEmpty();
    }

    @Test
    void testChangesWhoseRowsWereNotWrittenBeforeACrashAreWrittenOnceOnRestart() {
        restart(true);
        createManual("one");
        createManual("two");
        incidents.addComment(WS, "1", "before the crash", "alice");
        crash();

        restart(false);

        assertThat(query("SecurityIncident | summarize count() by IncidentNumber | sort by IncidentNumber asc"))
                .extracting(row -> row.get("IncidentNumber") + ":" + row.get("count_")).containsExactly("1:2", "2:1");
        assertThat(incidents.get(WS, "1").comments()).hasSize(1);
        restart(false);
        assertThat(rowCount()).isEqualTo(3);
    }

    @Test
    void testRowsWrittenBeforeACrashAreNotWrittenAgain() {
        createManual("one");
        clock.advance(Duration.ofSeconds(1));
        incidents.update(WS, "1", IncidentUpdate.none().withSeverity(IncidentSeverity.HIGH), Optional.empty(), "alice");
        incidents.allLogged(WS).join();
        crash();

        restart(false);
        clock.advance(Duration.ofSeconds(1));
        incidents.addComment(WS, "1", "after the restart", "alice");

        assertThat(query("SecurityIncident | sort by TimeGenerated asc | project Severity, Comments"))
                .extracting(row -> row.get("Severity") + " " + row.get("Comments"))
                .containsExactly("Medium []", "High []", "High [{\"message\":\"after the restart\",\"createdTimeUtc\":\"" + clock.instant()
                        + "\",\"author\":{\"name\":\"alice\",\"userPrincipalName\":\"alice\"}}]");
        assertThat(storage.logStore().checkpoint("incidents/" + WS)).isEqualTo(3);
    }

    @Test
    void testCommitListenersHearOfAChangeThatCanBeReadBeforeItsRowIsLogged() {
        restart(true);
        List<String> heard = new CopyOnWriteArrayList<>();
        incidents.addCommitListener(heard::add);
        createManual("early");
        incidents.addComment(WS, "1", "first look", "alice");

        assertThat(heard).hasSize(2).containsOnly(WS);
        assertThat(incidents.changesAfter(WS, 0, 10)).extracting(IncidentEvent::sequence, IncidentEvent::isCreation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, true), org.assertj.core.groups.Tuple.tuple(2L, false));
        assertThat(incidents.changesAfter(WS, 1, 10)).extracting(IncidentEvent::sequence).containsExactly(2L);
        assertThat(incidents.loggedChangesAfter(WS, 0, 10)).isEmpty();
        // read without waiting for the rows, which this log holds back
        assertThat(storage.logStore().query(WS, QueryRequest.of("SecurityIncident | count")).primary().rows().get(0).get(0)).isEqualTo(0L);
    }

    @Test
    void testListenersHearEveryChangeInOrderAfterItsRow() {
        List<String> heard = new CopyOnWriteArrayList<>();
        incidents.addListener(event -> heard.add(event.sequence() + " " + event.kind() + " " + event.changedProperties()
                + " logged=" + (storage.logStore().checkpoint("incidents/" + WS) >= event.sequence())));
        createManual("heard");
        incidents.update(WS, "1", IncidentUpdate.none().withSeverity(IncidentSeverity.HIGH), Optional.empty(), "alice");
        incidents.close(WS, "1", Closure.of("Undetermined", "", ""), Optional.empty(), "alice");
        incidents.allLogged(WS).join();

        assertThat(heard).containsExactly("1 CREATED [] logged=true", "2 UPDATED [Severity] logged=true",
                "3 CLOSED [Classification, Status] logged=true");
    }

    @Test
    void testListFiltersSortsAndPagesWithoutRepeats() {
        for (int i = 1; i <= 7; i++) {
            Incident incident = createManual("incident " + i + (i % 2 == 0 ? " on gateway" : ""));
            clock.advance(Duration.ofMinutes(1));
            if (i % 3 == 0) {
                incidents.update(WS, incident.name(), IncidentUpdate.none().withSeverity(IncidentSeverity.HIGH).withOwner(IncidentOwner.user("Alice"))
                        .withLabels(List.of(IncidentLabel.user("ot"))), Optional.empty(), "alice");
            }
        }

        IncidentQuery all = IncidentQuery.all();
        assertThat(incidents.list(WS, all).incidents()).extracting(Incident::number).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(incidents.list(WS, withTitle(all, "GATEWAY")).incidents()).extracting(Incident::number).containsExactly(6L, 4L, 2L);
        IncidentQuery high = new IncidentQuery(all.statuses(), Set.of(IncidentSeverity.HIGH), Optional.of("alice"), Optional.of("OT"),
                Optional.empty(), Optional.empty(), Optional.empty(), IncidentOrder.parse("incidentNumber asc"), 50, Optional.empty());
        assertThat(incidents.list(WS, high).incidents()).extracting(Incident::number).containsExactly(3L, 6L);
        IncidentQuery window = new IncidentQuery(all.statuses(), all.severities(), Optional.empty(), Optional.empty(),
                Optional.of(incidents.get(WS, "2").createdTime()), Optional.of(incidents.get(WS, "4").createdTime()), Optional.empty(),
                all.order(), 50, Optional.empty());
        assertThat(incidents.list(WS, window).incidents()).extracting(Incident::number).containsExactly(3L, 2L);

        List<Long> paged = new ArrayList<>();
        IncidentQuery pages = new IncidentQuery(all.statuses(), all.severities(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), IncidentOrder.parse("severity desc"), 3, Optional.empty());
        IncidentPage page = incidents.list(WS, pages);
        page.incidents().forEach(incident -> paged.add(incident.number()));
        // a change between pages moves no incident into or out of pages already read
        incidents.update(WS, "7", IncidentUpdate.none().withSeverity(IncidentSeverity.HIGH), Optional.empty(), "alice");
        while (page.skipToken().isPresent()) {
            page = incidents.list(WS, new IncidentQuery(pages.statuses(), pages.severities(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), pages.order(), 3, page.skipToken()));
            page.incidents().forEach(incident -> paged.add(incident.number()));
        }
        assertThat(paged).containsExactly(6L, 3L, 7L, 5L, 4L, 2L, 1L);
    }

    @Test
    void testASkipTokenOfAnotherOrderIsRefused() {
        createManual("a");
        createManual("b");
        IncidentQuery first = new IncidentQuery(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), IncidentOrder.NEWEST_FIRST, 1, Optional.empty());
        String token = incidents.list(WS, first).skipToken().orElseThrow();

        IncidentQuery other = new IncidentQuery(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), IncidentOrder.parse("severity"), 1, Optional.of(token));
        assertThatThrownBy(() -> incidents.list(WS, other)).isInstanceOf(InvalidIncidentException.class).hasMessageContaining("$orderby=createdTime desc");
        IncidentQuery garbage = new IncidentQuery(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), IncidentOrder.NEWEST_FIRST, 1, Optional.of("not-a-token"));
        assertThatThrownBy(() -> incidents.list(WS, garbage)).hasMessageContaining("not a token of a previous page");
    }

    @Test
    void testAnUnknownIncidentOrWorkspaceIsNotFound() {
        assertThatThrownBy(() -> incidents.get(WS, "42")).isInstanceOf(IncidentNotFoundException.class)
                .hasMessage("there is no incident '42' in workspace 'plant'");
        assertThatThrownBy(() -> incidents.get("nowhere", "1")).hasMessageContaining("there is no workspace 'nowhere'");
    }

    @Test
    void testAnAlertReadsFromASecurityAlertRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("SystemAlertId", "5f1a");
        row.put("AlertName", "Crypto Coin Miner");
        row.put("AlertSeverity", "Medium");
        row.put("Status", "New");
        row.put("ProductName", "Azure Security Center for IoT");
        row.put("StartTime", "2024-05-06T10:00:00Z");
        row.put("EndTime", "2024-05-06T10:05:00Z");
        row.put("Tactics", "Execution, Impact");
        row.put("Techniques", "[\"T1496\"]");
        row.put("Entities", "[{\"$id\":\"1\",\"Type\":\"iotdevice\",\"DeviceId\":\"plc-7\"}]");

        IncidentAlert alert = IncidentAlert.fromSecurityAlert(row);

        assertThat(alert.displayName()).isEqualTo("Crypto Coin Miner");
        assertThat(alert.alertSeverity()).isEqualTo(IncidentSeverity.MEDIUM);
        assertThat(alert.endTime()).isEqualTo(Instant.parse("2024-05-06T10:05:00Z"));
        assertThat(alert.tactics()).containsExactly("Execution", "Impact");
        assertThat(alert.techniques()).containsExactly("T1496");
        assertThat(alert.entities()).containsExactly(Map.of("$id", "1", "Type", "iotdevice", "DeviceId", "plc-7"));
    }

    private static IncidentQuery withTitle(IncidentQuery query, String part) {
        return new IncidentQuery(query.statuses(), query.severities(), query.owner(), query.label(), query.createdFrom(), query.createdTo(),
                Optional.of(part), query.order(), query.top(), query.skipToken());
    }
}
