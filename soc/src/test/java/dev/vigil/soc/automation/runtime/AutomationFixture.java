package dev.vigil.soc.automation.runtime;

import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.playbook.action.StepActions;
import dev.vigil.soc.playbook.run.PlaybookRunner;
import dev.vigil.soc.playbook.run.PlaybookRuns;
import dev.vigil.soc.playbook.store.Playbooks;
import dev.vigil.soc.playbook.store.SecretBox;
import dev.vigil.soc.watchlist.Watchlists;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The real pieces automation starts playbooks on, over one data directory and workspace
 * {@link #WS}: DuckDB storage, incidents kept for automation, playbooks, their runs and runner,
 * and the automation rules. Closing and opening again over the same directory is a restart.
 */
final class AutomationFixture implements AutoCloseable {
    static final String WS = "w";
    /** One key for the class's restarts, as a deployment keeps its own. */
    private static final byte[] KEY = SecretBox.newKey();

    final Clock clock = Clock.systemUTC();
    final Storage storage;
    final Incidents incidents;
    final Playbooks playbooks;
    final PlaybookRuns runs;
    final PlaybookRunner runner;
    final AutomationRules rules;

    private AutomationFixture(Path data) {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace(WS);
        incidents = Incidents.open(storage.stateStore(), storage.logStore(), clock, () -> "http://vigil", List.of(IncidentAutomation.FOLLOWER));
        playbooks = Playbooks.open(storage.logStore(), storage.stateStore(), new SecretBox(KEY), clock);
        runs = new PlaybookRuns(storage.logStore(), storage.stateStore(), clock);
        runner = PlaybookRunner.start(playbooks, runs, new StepActions(storage.logStore(), incidents, new Watchlists(storage.logStore(), clock),
                Optional.empty()), incidents, storage.logStore(), clock);
        rules = AutomationRules.open(storage.logStore(), storage.stateStore(), clock, Optional.of(runner));
    }

    static AutomationFixture open(Path data) {
        return new AutomationFixture(data);
    }

    /** Incident automation not following yet, starting the fixture's playbooks; {@code holdLog} logs nothing, as a crash before logging. */
    IncidentAutomation incidentAutomation(boolean holdLog) {
        return new IncidentAutomation(incidents, rules, storage.logStore(), storage.stateStore(), clock, Optional.of(runner), holdLog);
    }

    /** Alert automation not following yet, starting the fixture's playbooks. */
    AlertAutomation alertAutomation() {
        return new AlertAutomation(storage.logStore(), rules, runner, clock);
    }

    /** The rows the query counts in {@link #WS}. */
    long count(String kql) {
        return ((Number) storage.logStore().query(WS, QueryRequest.of(kql + " | count")).primary().rows().get(0).get(0)).longValue();
    }

    @Override
    public void close() {
        runner.close();
        incidents.close();
        storage.close();
    }
}
