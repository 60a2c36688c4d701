package dev.vigil.server;

import dev.vigil.iot.action.DeviceActions;
import dev.vigil.iot.auth.DeviceAuthenticator;
import dev.vigil.iot.auth.x509.X509Credentials;
import dev.vigil.iot.endpoint.CloudToDeviceQueue;
import dev.vigil.iot.endpoint.DeviceGateway;
import dev.vigil.iot.endpoint.mqtt.MqttEndpoint;
import dev.vigil.iot.endpoint.mqtt.MqttSessions;
import dev.vigil.iot.method.DirectMethods;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.routing.MessageRouter;
import dev.vigil.iot.twin.SecurityAgentConfigurations;
import dev.vigil.iot.twin.Twins;
import dev.vigil.server.api.HttpApi;
import dev.vigil.server.api.HttpsListener;
import dev.vigil.server.api.connectors.ConnectorApi;
import dev.vigil.server.api.iot.IotApi;
import dev.vigil.server.api.iot.IotScopeAuthorization;
import dev.vigil.server.access.AccessControl;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.RoleAssignmentStore;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.SecurityServices;
import dev.vigil.server.console.ConsoleRoutes;
import dev.vigil.server.console.ContentServices;
import dev.vigil.server.console.AutomationServices;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.iot.IotServices;
import dev.vigil.server.console.logs.SavedQueries;
import dev.vigil.server.audit.AuditTrail;
import dev.vigil.server.identity.LoginThrottle;
import dev.vigil.server.identity.SessionStore;
import dev.vigil.server.identity.UserStore;
import dev.vigil.server.api.metrics.PrometheusMetrics;
import dev.vigil.server.api.content.ContentApi;
import dev.vigil.server.api.rules.RulesApi;
import dev.vigil.server.query.CallerQueries;
import dev.vigil.server.query.InteractiveQueries;
import dev.vigil.soc.content.AlertRuleImport;
import dev.vigil.soc.content.ContentPackInstall;
import dev.vigil.soc.content.ParserImport;
import dev.vigil.soc.hunting.HuntingBookmarks;
import dev.vigil.soc.hunting.HuntingQueries;
import dev.vigil.soc.rule.dryrun.DryRuns;
import dev.vigil.soc.rule.health.RuleHealth;
import dev.vigil.soc.rule.incidentcreation.IncidentsSink;
import dev.vigil.soc.rule.runtime.AnalyticsRuntime;
import dev.vigil.soc.rule.runtime.RuntimeSettings;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.soc.rule.template.AlertRuleTemplates;
import dev.vigil.soc.rule.template.CreateIncidentsOption;
import dev.vigil.soc.rule.template.TemplateRuleSwitch;
import dev.vigil.server.identity.ApiKeyStore;
import dev.vigil.server.identity.IssuedApiKey;
import dev.vigil.server.identity.Principal;
import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.automation.runtime.AlertAutomation;
import dev.vigil.soc.automation.runtime.IncidentAutomation;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.watchlist.Watchlists;
import dev.vigil.server.api.playbooks.PlaybookRoutes;
import dev.vigil.soc.playbook.action.DeviceServices;
import dev.vigil.soc.playbook.action.StepActions;
import dev.vigil.soc.playbook.run.PlaybookRunner;
import dev.vigil.soc.playbook.run.PlaybookRuns;
import dev.vigil.soc.playbook.store.Playbooks;
import dev.vigil.soc.playbook.store.SecretBox;
import dev.vigil.soc.playbook.template.PlaybookTemplates;
import dev.vigil.soc.workbook.WorkbookTemplates;
import dev.vigil.soc.workbook.Workbooks;
import dev.vigil.server.api.workbooks.WorkbookRoutes;
import dev.vigil.server.query.WorkbookRuns;
import dev.vigil.server.console.WorkbookServices;
import dev.vigil.server.query.QueryLog;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.javalin.util.JavalinBindException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: storage, identity, the IoT endpoints with detection, and the HTTP API wired together.
 *
 * <p>On the first start of a data directory it creates the {@code default} and {@code audit}
 * workspaces and the user {@code admin} with Owner on everything, and issues that user's API key;
 * the key's text is available from {@link #initialAdminKey()} only then.
 */
public final class VigilServer implements AutoCloseable {
    public static final String DEFAULT_WORKSPACE = "default";
    /** Holds the complete audit trail ({@code VigilAudit}); only those granted a role on it can read it. */
    public static final String AUDIT_WORKSPACE = "audit";

    private static final Logger LOG = LoggerFactory.getLogger(VigilServer.class);

    private final Storage storage;
    private final PrometheusMeterRegistry registry;
    private final HttpApi http;
    private final Optional<HttpsListener> https;
    private final MqttEndpoint mqtt;
    private final DirectMethods methods;
    private final Twins twins;
    private final IotDetection detection;
    private final Incidents incidents;
    private final ConnectorServices connectors;
    private final AnalyticsRuntime analytics;
    private final IncidentAutomation automation;
    private final AlertAutomation alertAutomation;
    private final PlaybookRunner playbooks;
    private final Optional<IssuedApiKey> initialAdminKey;

    private VigilServer(Storage storage, PrometheusMeterRegistry registry, HttpApi http, Optional<HttpsListener> https, MqttEndpoint mqtt, DirectMethods methods,
            Twins twins, IotDetection detection, Incidents incidents, ConnectorServices connectors, AnalyticsRuntime analytics,
            IncidentAutomation automation, AlertAutomation alertAutomation, PlaybookRunner playbooks, Optional<IssuedApiKey> initialAdminKey) {
        this.storage = storage;
        this.registry = registry;
        this.http = http;
        this.https = https;
        this.mqtt = mqtt;
        this.methods = methods;
        this.twins = twins;
        this.detection = detection;
        this.incidents = incidents;
        this.connectors = connectors;
        this.analytics = analytics;
        this.automation = automation;
        this.alertAutomation = alertAutomation;
        this.playbooks = playbooks;
        this.initialAdminKey = initialAdminKey;
    }

    public static VigilServer start(ServerSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    /** Starts with the given clock for key expiry, sessions, login throttling and the audit trail (tests move it). */
    public static VigilServer start(ServerSettings settings, Clock clock) {
        PrometheusMeterRegistry registry = PrometheusMetrics.createRegistry();
        Storage storage = DuckDbStorage.open(settings.storage(), registry);
        MqttEndpoint mqtt = null;
        DirectMethods methods = new DirectMethods();
        Twins twins = null;
        IotDetection detection = null;
        Incidents incidents = null;
        ConnectorServices connectors = null;
        AnalyticsRuntime analytics = null;
        IncidentAutomation automation = null;
        AlertAutomation alertAutomation = null;
        PlaybookRunner playbookRunner = null;
        try {
            storage.logStore().createWorkspace(DEFAULT_WORKSPACE);
            storage.logStore().createWorkspace(AUDIT_WORKSPACE);
            UserStore users = new UserStore(storage.stateStore(), clock);
            ApiKeyStore keys = new ApiKeyStore(storage.stateStore(), clock);
            RoleAssignmentStore assignments = new RoleAssignmentStore(storage.stateStore(), clock);
            ensureAdministrator(users, assignments);
            Optional<IssuedApiKey> adminKey = keys.isEmpty()
                    ? Optional.of(keys.issue(Principal.ADMIN, "admin key issued on first start"))
                    : Optional.empty();
            IotRegistry iotRegistry = new IotRegistry(storage.stateStore());
            detection = IotDetection.start(iotRegistry, storage.logStore(), storage.stateStore(), registry, clock);
            X509Credentials x509 = new X509Credentials(storage.stateStore(), iotRegistry);
            twins = new Twins(storage.stateStore(), iotRegistry, clock, settings.storage().dataDirectory().resolve("iot-twin-journal.ndjson"));
            MessageRouter router = new MessageRouter(storage.stateStore(), storage.logStore(), new LogStoreRoutingTables(storage.logStore()), twins);
            DeviceGateway gateway = new DeviceGateway(iotRegistry,
                    new DeviceAuthenticator(iotRegistry, settings.iot().domain(), detection.listener(), clock, Optional.of(x509)), storage.logStore(),
                    detection.listener(), IotDeduplication.start(settings.iot().dedup(), iotRegistry, storage.logStore(), registry, clock), router, clock);
            new SecurityAgentConfigurations(twins, iotRegistry, detection.listener(), clock);
            CloudToDeviceQueue cloudToDevice = new CloudToDeviceQueue(storage.stateStore(), clock);
            mqtt = MqttEndpoint.start(settings.iot().mqtt(), gateway, iotRegistry, cloudToDevice, twins, methods, MqttSessions.stored(storage.stateStore()));
            DeviceActions actions = new DeviceActions(iotRegistry, mqtt, detection.listener(), clock);
            IotApi iot = new IotApi(iotRegistry, gateway, actions, Optional.of(mqtt), detection.alerts(), twins, methods, cloudToDevice, x509, router,
                    IotScopeAuthorization.subscriptionRoles(),
                    workspace -> storage.logStore().workspaces().contains(workspace), AUDIT_WORKSPACE);
            SecurityServices security = new SecurityServices(users, keys, new SessionStore(clock), new LoginThrottle(clock, settings.access().loginLimits()),
                    new AccessControl(assignments), new AuditTrail(storage.logStore(), AUDIT_WORKSPACE), clock);
            // rows written before the HTTP port is bound (recovery at start) name the configured port
            AtomicReference<String> apiBaseUrl = new AtomicReference<>(apiBaseUrl(settings.host(), settings.port()));
            incidents = Incidents.open(storage.stateStore(), storage.logStore(), clock, apiBaseUrl::get, List.of(IncidentAutomation.FOLLOWER));
            Watchlists watchlists = new Watchlists(storage.logStore(), clock);
            Playbooks playbooks = Playbooks.open(storage.logStore(), storage.stateStore(),
                    new SecretBox(PlaybookSecretKey.load(settings.storage().dataDirectory(), SecretBox::newKey)), clock);
            PlaybookRuns playbookRuns = new PlaybookRuns(storage.logStore(), storage.stateStore(), clock);
            playbookRunner = PlaybookRunner.start(playbooks, playbookRuns, new StepActions(storage.logStore(), incidents, watchlists,
                    Optional.of(new DeviceServices(actions, iotRegistry, detection.alerts(), methods)), settings.playbookHttpAllow()), incidents, storage.logStore(),
                    clock);
            AutomationRules automationRules = AutomationRules.open(storage.logStore(), storage.stateStore(), clock, Optional.of(playbookRunner));
            automation = IncidentAutomation.start(incidents, automationRules, storage.logStore(), storage.stateStore(), clock,
                    Optional.of(playbookRunner));
            alertAutomation = AlertAutomation.start(storage.logStore(), automationRules, playbookRunner, clock);
            connectors = ConnectorServices.start(storage, iotRegistry, detection.alerts(), registry, clock);
            AlertRules alertRules = AlertRules.open(storage.logStore(), storage.stateStore(), clock);
            AlertRuleTemplates templates = AlertRuleTemplates.builtIn();
            connectors.iot().addListener(new CreateIncidentsOption(new TemplateRuleSwitch(alertRules, templates), connectors.iot()));
            analytics = AnalyticsRuntime.start(alertRules, storage.logStore(), storage.stateStore(), clock, Optional.of(new IncidentsSink(incidents)),
                    RuntimeSettings.defaults());
            RuleHealth health = analytics.health();
            FunctionCounter.builder("vigil.rules.runs", health, RuleHealth::runs).description("Runs of Scheduled, NRT and Microsoft Security rules").register(registry);
            FunctionCounter.builder("vigil.rules.failures", health, RuleHealth::failures).description("Rule runs, and incident creation for a rule's alerts, that failed").register(registry);
            FunctionCounter.builder("vigil.rules.alerts", health, RuleHealth::alertsGenerated)
                    .description("Alerts written to SecurityAlert by rule runs").register(registry);
            InteractiveQueries queries = new InteractiveQueries(storage.logStore(), settings.queries(), registry);
            DryRuns dryRuns = new DryRuns(alertRules, storage.logStore(), clock);
            Workbooks workbooks = new Workbooks(storage.logStore(), storage.stateStore(), clock);
            WorkbookTemplates workbookTemplates = WorkbookTemplates.builtIn();
            WorkbookRuns workbookRuns = new WorkbookRuns(queries, new QueryLog(storage.logStore()), settings.queries(), clock);
            HuntingQueries huntingQueries = new HuntingQueries(storage.logStore(), storage.stateStore());
            CallerQueries huntingRuns = new CallerQueries(queries, new QueryLog(storage.logStore()), clock);
            AlertRuleImport ruleImport = new AlertRuleImport(alertRules, huntingQueries, storage.stateStore());
            ParserImport parserImport = new ParserImport(storage.logStore(), storage.stateStore());
            ContentPackInstall packInstall = new ContentPackInstall(ruleImport, parserImport, workbooks, playbooks, storage.logStore());
            HuntingBookmarks bookmarks = new HuntingBookmarks(storage.logStore(), incidents, clock);
            ConsoleServices console = new ConsoleServices(storage.logStore(), queries, security.access(), connectors.gallery(), connectors.iot(), iotRegistry,
                    alertRules, analytics.health(), incidents, clock, detection.alerts(), new SavedQueries(storage.stateStore()), templates, dryRuns,
                    new IotServices(actions, gateway.counters(), Optional.of(mqtt), settings.iot().domain()), ruleImport,
                    new WorkbookServices(workbooks, workbookTemplates, workbookRuns),
                    new ContentServices(packInstall, huntingQueries, huntingRuns, bookmarks, settings.contentPackDirectory()),
                    new AutomationServices(automationRules, playbooks, playbookRuns, playbookRunner));
            Optional<HttpsListener> https = settings.tls().httpsEnabled()
                    ? Optional.of(new HttpsListener(settings.tls().identity().orElseThrow(), settings.host(), settings.tls().httpsPort(), settings.port()))
                    : Optional.empty();
            HttpApi http = HttpApi.create(storage.logStore(), security, settings.access().trustedProxies(), registry, settings.maxBodyBytes(), iot, incidents,
                    new ConnectorApi(connectors.gallery(), connectors.iot()),
                    new RulesApi(alertRules, templates, analytics.health(), dryRuns), automationRules,
                    watchlists, new PlaybookRoutes(playbooks, playbookRunner, playbookRuns, PlaybookTemplates.builtIn(), automationRules),
                    storage::health, queries, new ConsoleRoutes(console),
                    new ContentApi(ruleImport, parserImport, huntingQueries, bookmarks, packInstall, huntingRuns, clock),
                    new WorkbookRoutes(workbooks, workbookTemplates, workbookRuns), https);
            listen(http, settings);
            apiBaseUrl.set(apiBaseUrl(settings.host(), http.javalin().port()));
            LOG.info("Vigil listening on {}:{}{}, data in {}", settings.host(), http.javalin().port(),
                    https.map(h -> " and HTTPS on port " + h.port()).orElse(""), settings.storage().dataDirectory());
            return new VigilServer(storage, registry, http, https, mqtt, methods, twins, detection, incidents, connectors, analytics, automation, alertAutomation,
                    playbookRunner, adminKey);
        } catch (RuntimeException e) {
            if (analytics != null) {
                analytics.close();
            }
            if (automation != null) {
                automation.close();
            }
            if (alertAutomation != null) {
                alertAutomation.close();
            }
            if (playbookRunner != null) {
                playbookRunner.close();
            }
            if (mqtt != null) {
                mqtt.close();
            }
            methods.close();
            if (detection != null) {
                detection.close();
            }
            if (connectors != null) {
                connectors.close();
            }
            if (incidents != null) {
                incidents.close();
            }
            if (twins != null) {
                twins.close();
            }
            storage.close();
            registry.close();
            throw e;
        }
    }

    private static void listen(HttpApi http, ServerSettings settings) {
        try {
            http.javalin().start(settings.host(), settings.port());
        } catch (JavalinBindException e) {
            // as the MQTT endpoint words it: the protocol and the address, then the operating system's reason
            Throwable reason = e;
            while (reason.getCause() != null) {
                reason = reason.getCause();
            }
            throw new IllegalStateException("cannot listen for HTTP on " + settings.host() + ":" + settings.port() + ": " + reason.getMessage(), reason);
        }
    }

    /** How {@code IncidentUrl} reaches this server; a wildcard listen address is reached as localhost. */
    private static String apiBaseUrl(String host, int port) {
        String reachable = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + reachable + ":" + port;
    }

    /**
     * On the first start, and on data directories from before users existed: the user
     * {@code admin} (no password; the first key is theirs) with Owner on {@code /}, which is
     * Owner on every workspace and subscription.
     */
    static void ensureAdministrator(UserStore users, RoleAssignmentStore assignments) {
        if (users.isEmpty()) {
            users.create(Principal.ADMIN.id(), Optional.empty());
            assignments.grant(Principal.ADMIN, Role.OWNER, Scope.ROOT, Principal.ADMIN);
        }
    }

    /**
     * Offline recovery on the data directory of a stopped server: makes sure the user
     * {@code admin} exists with Owner on {@code /} and issues it a new key, whose text is returned.
     * Opening the database fails while a server holds it.
     */
    public static String recoverAdministrator(Path dataDirectory) {
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(dataDirectory), new SimpleMeterRegistry())) {
            Clock clock = Clock.systemUTC();
            UserStore users = new UserStore(storage.stateStore(), clock);
            RoleAssignmentStore assignments = new RoleAssignmentStore(storage.stateStore(), clock);
            if (users.find(Principal.ADMIN.id()).isEmpty()) {
                users.create(Principal.ADMIN.id(), Optional.empty());
            }
            assignments.grant(Principal.ADMIN, Role.OWNER, Scope.ROOT, Principal.ADMIN);
            return new ApiKeyStore(storage.stateStore(), clock).issue(Principal.ADMIN, "admin key issued by 'vigil admin recover'").text();
        }
    }

    /** The port actually bound, also when 0 was asked for. */
    public int port() {
        return http.javalin().port();
    }

    /** The HTTPS port bound, or -1 without a certificate. */
    public int httpsPort() {
        return https.map(HttpsListener::port).orElse(-1);
    }

    /** The MQTT plaintext port bound, or -1. */
    public int mqttPort() {
        return mqtt.plainPort();
    }

    /** The MQTT TLS port bound, or -1. */
    public int mqttTlsPort() {
        return mqtt.tlsPort();
    }

    /** Every HTTP API route as {@code METHOD /path} (the console's pages aside). */
    public List<String> routes() {
        return http.routes();
    }

    /** The admin key's text, present only on the first start of the data directory. */
    public Optional<String> initialAdminKey() {
        return initialAdminKey.map(IssuedApiKey::text);
    }

    public LogStore logStore() {
        return storage.logStore();
    }

    /** The incidents of every workspace, for the rules engine and tests. */
    public Incidents incidents() {
        return incidents;
    }

    /** The playbook runs at work, for tests and tools. */
    public PlaybookRunner playbooks() {
        return playbooks;
    }

    /** The automation rules at work, for tests and tools. */
    public IncidentAutomation automation() {
        return automation;
    }

    /**
     * Returns once everything the device endpoints reported before this call has gone through
     * detection and its alerts are stored: a barrier for tests, benchmarks and tools that must
     * know detection has caught up (e.g. to tell "no alert" from "no alert yet").
     */
    public void awaitDetection() {
        detection.engine().flush().join();
    }

    /**
     * Returns once the analytics rules have nothing left to do: every scheduled run due by the
     * server's clock is made. A barrier for tests and tools, as {@link #awaitDetection()} is.
     */
    public void awaitAnalytics() {
        analytics.awaitIdle();
    }

    /**
     * Stops taking requests and device traffic, lets detection and rule runs finish, incidents write
     * their pending rows, stops the alert streamer (what it has not written yet it writes on the
     * next start), then commits what is queued and releases the database.
     */
    @Override
    public void close() {
        http.javalin().stop();
        mqtt.close();
        methods.close();
        detection.close();
        analytics.close();
        // before the incidents: the changes automation makes as it stops are written by them
        automation.close();
        alertAutomation.close();
        // runs under way stop between steps, or mid-step, and resume on the next start
        playbooks.close();
        connectors.close();
        incidents.close();
        // the twins' write-behind stores what it holds before the database is released
        twins.close();
        storage.close();
        registry.close();
    }
}
