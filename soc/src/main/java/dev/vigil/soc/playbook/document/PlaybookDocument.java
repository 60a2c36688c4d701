package dev.vigil.soc.playbook.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.kql.types.KqlType;
import dev.vigil.soc.playbook.InvalidPlaybookException;
import dev.vigil.soc.playbook.PlaybookDefinition;
import dev.vigil.soc.playbook.PlaybookScope;
import dev.vigil.soc.playbook.PlaybookStep;
import dev.vigil.soc.playbook.PlaybookTrigger;
import dev.vigil.soc.playbook.PlaybookVariable;
import dev.vigil.soc.playbook.SmtpConnection;
import dev.vigil.soc.playbook.StepHeader;
import dev.vigil.soc.playbook.StepPolicy;
import dev.vigil.soc.playbook.TemplateTree;
import dev.vigil.soc.playbook.expression.Bindings;
import dev.vigil.soc.playbook.expression.Expression;
import dev.vigil.soc.playbook.expression.ExpressionScope;
import dev.vigil.soc.playbook.expression.KqlExpressions;
import dev.vigil.soc.playbook.expression.Template;
import dev.vigil.workspace.api.KqlQueryException;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a playbook document (YAML or JSON) and checks all of it against the workspace before it
 * is saved: members and step types, every expression and template compiled in the scope of the
 * place it sits, loops with a bound, names of steps and variables. A refusal names the path, and
 * for expressions the character.
 */
public final class PlaybookDocument {
    public static final int MOST_STEPS = 200;
    public static final int DEEPEST_NESTING = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern SECRET_USE = Pattern.compile("\\bSecrets\\s*(?:\\.\\s*([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*[\"']([^\"']*)[\"']\\s*\\])");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> TOP = Set.of("description", "triggers", "variables", "secrets", "smtp", "steps");
    private static final Set<String> COMMON = Set.of("id", "type", "when", "timeout", "retries", "retryInterval");
    private static final Map<String, Set<String>> STEP_MEMBERS = Map.ofEntries(
            Map.entry("http", Set.of("method", "url", "headers", "body")),
            Map.entry("email", Set.of("to", "subject", "body")),
            Map.entry("updateIncident", Set.of("severity", "status", "classification", "classificationReason", "classificationComment", "owner",
                    "labels")),
            Map.entry("addComment", Set.of("message")),
            Map.entry("addTask", Set.of("title", "description")),
            Map.entry("query", Set.of("query", "timespan", "maxRows")),
            Map.entry("watchlistLookup", Set.of("watchlist", "key")),
            Map.entry("disableDevice", Set.of("hub", "deviceId")),
            Map.entry("sendDeviceMessage", Set.of("hub", "deviceId", "body", "properties")),
            Map.entry("setDeviceTags", Set.of("hub", "deviceId", "tags")),
            Map.entry("getDevice", Set.of("hub", "deviceId")),
            Map.entry("invokeDirectMethod", Set.of("hub", "deviceId", "moduleId", "methodName", "payload", "responseTimeoutInSeconds")),
            Map.entry("setAlertStatus", Set.of("alertId", "status")),
            Map.entry("compose", Set.of("value")),
            Map.entry("if", Set.of("condition", "then", "else")),
            Map.entry("forEach", Set.of("items", "as", "limit", "steps")));

    private final String workspaceId;
    private final LogStore logStore;
    private final KqlExpressions expressions;
    private final Set<String> ids = new HashSet<>();
    private Set<String> secrets = Set.of();
    private int steps;

    private PlaybookDocument(String workspaceId, LogStore logStore) {
        this.workspaceId = workspaceId;
        this.logStore = logStore;
        this.expressions = new KqlExpressions(logStore);
    }

    /** Parses the text as YAML or JSON (YAML when {@code yaml}); malformed text is refused with its line and column. */
    public static JsonNode parse(String text, boolean yaml) {
        try {
            JsonNode node = (yaml ? YAML : JSON).readTree(text);
            return node == null ? NullNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidPlaybookException("playbook", "is not valid " + (yaml ? "YAML" : "JSON") + where + ": " + e.getOriginalMessage());
        }
    }

    /** Reads and checks the document against the workspace. */
    public static ParsedPlaybook read(JsonNode document, String workspaceId, LogStore logStore) {
        return new PlaybookDocument(workspaceId, logStore).read(document);
    }

    private ParsedPlaybook read(JsonNode document) {
        Members top = Members.of(document, "", TOP);
        Map<String, Optional<String>> secretValues = new LinkedHashMap<>();
        top.fields("secrets").forEach((name, value) -> {
            checkName(top.path("secrets") + "." + name, name);
            if (!value.isNull() && !value.isTextual()) {
                throw new InvalidPlaybookException(top.path("secrets") + "." + name, "must be text (the secret), or null to keep the saved one");
            }
            secretValues.put(name, value.isNull() ? Optional.empty() : Optional.of(value.textValue()));
        });
        secrets = secretValues.keySet();
        List<PlaybookTrigger> triggers = triggers(top);
        ExpressionScope scope = PlaybookScope.base();
        List<PlaybookVariable> variables = new ArrayList<>();
        for (Map.Entry<String, JsonNode> variable : top.fields("variables").entrySet()) {
            String path = top.path("variables") + "." + variable.getKey();
            checkNewName(path, variable.getKey(), scope);
            if (!variable.getValue().isValueNode() || variable.getValue().isNull()) {
                throw new InvalidPlaybookException(path, "must be a KQL expression");
            }
            Expression expression = expression(path, variable.getValue().asText());
            KqlType type = expressions.check(workspaceId, scope, expression);
            variables.add(new PlaybookVariable(variable.getKey(), expression, type));
            scope = scope.with(variable.getKey(), type);
        }
        Optional<SmtpConnection> smtp = top.has("smtp") ? Optional.of(smtp(top, scope)) : Optional.empty();
        List<PlaybookStep> read = steps(top.node("steps"), top.path("steps"), true, scope, 1);
        if (!smtp.isPresent() && uses(read, PlaybookStep.SendEmail.class)) {
            throw new InvalidPlaybookException("smtp", "is required: the playbook has email steps");
        }
        ObjectNode saved = ((ObjectNode) document).deepCopy();
        if (saved.has("secrets")) {
            ObjectNode names = saved.putObject("secrets");
            secretValues.keySet().forEach(names::putNull);
        }
        PlaybookDefinition definition = new PlaybookDefinition(top.text("description").orElse(""), triggers, variables, secretValues.keySet(), smtp,
                read, saved);
        return new ParsedPlaybook(definition, secretValues);
    }

    private static boolean uses(List<PlaybookStep> steps, Class<? extends PlaybookStep> type) {
        for (PlaybookStep step : steps) {
            if (type.isInstance(step)
                    || step instanceof PlaybookStep.Condition condition && (uses(condition.then(), type) || uses(condition.otherwise(), type))
                    || step instanceof PlaybookStep.ForEach loop && uses(loop.steps(), type)) {
                return true;
            }
        }
        return false;
    }

    private List<PlaybookTrigger> triggers(Members top) {
        List<JsonNode> nodes = top.array("triggers", true, 5);
        List<PlaybookTrigger> triggers = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = top.path("triggers") + "[" + i + "]";
            Members trigger = Members.of(nodes.get(i), path, Set.of("kind", "every"));
            String kind = trigger.requiredText("kind");
            PlaybookTrigger read = switch (kind) {
                case "incident" -> new PlaybookTrigger.OnIncident();
                case "alert" -> new PlaybookTrigger.OnAlert();
                case "entity" -> new PlaybookTrigger.OnEntity();
                case "manual" -> new PlaybookTrigger.Manual();
                case "schedule" -> new PlaybookTrigger.Schedule(trigger.duration("every", PlaybookTrigger.Schedule.SHORTEST, Duration.ofDays(7))
                        .orElseThrow(() -> new InvalidPlaybookException(trigger.path("every"), "is required for a schedule, e.g. PT1H")));
                default -> throw new InvalidPlaybookException(trigger.path("kind"), "'" + kind + "' is not one of incident, alert, entity, manual, schedule");
            };
            if (!(read instanceof PlaybookTrigger.Schedule) && trigger.has("every")) {
                throw new InvalidPlaybookException(trigger.path("every"), "is given only with kind schedule");
            }
            if (!kinds.add(kind)) {
                throw new InvalidPlaybookException(trigger.path("kind"), "'" + kind + "' is listed twice");
            }
            triggers.add(read);
        }
        return triggers;
    }

    private SmtpConnection smtp(Members top, ExpressionScope scope) {
        Members smtp = Members.of(top.node("smtp"), "smtp", Set.of("host", "port", "from", "username", "password", "startTls"));
        Optional<Template> password = smtp.text("password").map(text -> template(smtp.path("password"), text, scope));
        return new SmtpConnection(smtp.requiredText("host"), smtp.integer("port", 1, 65_535).orElse(25), smtp.requiredText("from"),
                smtp.text("username"), password, smtp.bool("startTls").orElse(false));
    }

    private List<PlaybookStep> steps(JsonNode node, String path, boolean required, ExpressionScope outer, int depth) {
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidPlaybookException(path, "is required");
            }
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidPlaybookException(path, "must be a list of steps");
        }
        if (required && node.isEmpty()) {
            throw new InvalidPlaybookException(path, "must have at least one step");
        }
        if (depth > DEEPEST_NESTING) {
            throw new InvalidPlaybookException(path, "steps nest at most " + DEEPEST_NESTING + " deep (if and forEach)");
        }
        ExpressionScope scope = outer;
        List<PlaybookStep> steps = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            PlaybookStep step = step(node.get(i), path + "[" + i + "]", scope, depth);
            steps.add(step);
            // a step's output is a variable of the steps after it, at its level and inside them
            scope = scope.with(step.id(), KqlType.DYNAMIC);
        }
        return steps;
    }

    private PlaybookStep step(JsonNode node, String path, ExpressionScope scope, int depth) {
        if (++steps > MOST_STEPS) {
            throw new InvalidPlaybookException(path, "a playbook has at most " + MOST_STEPS + " steps, nested ones included");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidPlaybookException(path, "must be an object with an id and a type");
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new InvalidPlaybookException(path + ".type", "is required: one of " + String.join(", ", STEP_MEMBERS.keySet().stream().sorted().toList()));
        }
        String type = typeNode.textValue();
        Set<String> own = STEP_MEMBERS.get(type);
        if (own == null) {
            throw new InvalidPlaybookException(path + ".type", "'" + type + "' is not a step type; the types are "
                    + String.join(", ", STEP_MEMBERS.keySet().stream().sorted().toList()));
        }
        Set<String> known = new HashSet<>(COMMON);
        known.addAll(own);
        Members step = Members.of(node, path, known);
        String id = step.requiredText("id");
        checkName(step.path("id"), id);
        if (!ids.add(id)) {
            throw new InvalidPlaybookException(step.path("id"), "'" + id + "' is the id of another step; ids are unique in a playbook");
        }
        checkNewName(step.path("id"), id, scope);
        Optional<Expression> when = step.text("when").map(text -> condition(step.path("when"), text, scope));
        StepPolicy policy = new StepPolicy(step.duration("timeout", Duration.ofMillis(1), StepPolicy.LONGEST_TIMEOUT).orElse(StepPolicy.DEFAULT_TIMEOUT),
                step.integer("retries", 0, StepPolicy.MOST_RETRIES).orElse(0),
                step.duration("retryInterval", Duration.ZERO, StepPolicy.LONGEST_PAUSE).orElse(Duration.ofSeconds(1)));
        StepHeader header = new StepHeader(id, path, when, policy, node);
        return switch (type) {
            case "http" -> {
                String method = step.text("method").orElse("POST").toUpperCase(Locale.ROOT);
                if (!HTTP_METHODS.contains(method)) {
                    throw new InvalidPlaybookException(step.path("method"), "'" + method + "' is not one of " + String.join(", ",
                            HTTP_METHODS.stream().sorted().toList()));
                }
                Map<String, Template> headers = new LinkedHashMap<>();
                step.fields("headers").forEach((name, value) -> headers.put(name, textTemplate(step.path("headers") + "." + name, value, scope)));
                yield new PlaybookStep.HttpRequest(header, method, template(step.path("url"), step.requiredText("url"), scope), headers,
                        step.has("body") ? Optional.of(tree(step.path("body"), step.node("body"), scope)) : Optional.empty());
            }
            case "email" -> new PlaybookStep.SendEmail(header, template(step.path("to"), step.requiredText("to"), scope),
                    template(step.path("subject"), step.requiredText("subject"), scope), template(step.path("body"), step.requiredText("body"), scope));
            case "updateIncident" -> {
                List<Template> labels = new ArrayList<>();
                List<JsonNode> labelNodes = step.array("labels", false, 20);
                for (int i = 0; i < labelNodes.size(); i++) {
                    labels.add(textTemplate(step.path("labels") + "[" + i + "]", labelNodes.get(i), scope));
                }
                PlaybookStep.UpdateIncident update = new PlaybookStep.UpdateIncident(header, optional(step, "severity", scope),
                        optional(step, "status", scope), optional(step, "classification", scope), optional(step, "classificationReason", scope),
                        optional(step, "classificationComment", scope), optional(step, "owner", scope), labels);
                if (update.templates().isEmpty()) {
                    throw new InvalidPlaybookException(path, "an updateIncident step sets at least one of severity, status, owner, labels");
                }
                yield update;
            }
            case "addComment" -> new PlaybookStep.AddComment(header, template(step.path("message"), step.requiredText("message"), scope));
            case "addTask" -> new PlaybookStep.AddTask(header, template(step.path("title"), step.requiredText("title"), scope),
                    optional(step, "description", scope));
            case "query" -> query(step, header, scope);
            case "watchlistLookup" -> new PlaybookStep.WatchlistLookup(header, template(step.path("watchlist"), step.requiredText("watchlist"), scope),
                    template(step.path("key"), step.requiredText("key"), scope));
            case "disableDevice" -> new PlaybookStep.DisableDevice(header, template(step.path("hub"), step.requiredText("hub"), scope),
                    template(step.path("deviceId"), step.requiredText("deviceId"), scope));
            case "sendDeviceMessage" -> {
                if (!step.has("body")) {
                    throw new InvalidPlaybookException(step.path("body"), "is required");
                }
                yield new PlaybookStep.SendDeviceMessage(header, template(step.path("hub"), step.requiredText("hub"), scope),
                        template(step.path("deviceId"), step.requiredText("deviceId"), scope), tree(step.path("body"), step.node("body"), scope),
                        templates(step, "properties", scope));
            }
            case "setDeviceTags" -> {
                Map<String, Template> tags = templates(step, "tags", scope);
                if (tags.isEmpty()) {
                    throw new InvalidPlaybookException(step.path("tags"), "is required: the tags to set");
                }
                yield new PlaybookStep.SetDeviceTags(header, template(step.path("hub"), step.requiredText("hub"), scope),
                        template(step.path("deviceId"), step.requiredText("deviceId"), scope), tags);
            }
            case "getDevice" -> new PlaybookStep.GetDevice(header, template(step.path("hub"), step.requiredText("hub"), scope),
                    template(step.path("deviceId"), step.requiredText("deviceId"), scope));
            case "invokeDirectMethod" -> new PlaybookStep.InvokeDirectMethod(header, template(step.path("hub"), step.requiredText("hub"), scope),
                    template(step.path("deviceId"), step.requiredText("deviceId"), scope), optional(step, "moduleId", scope),
                    template(step.path("methodName"), step.requiredText("methodName"), scope),
                    step.has("payload") ? Optional.of(tree(step.path("payload"), step.node("payload"), scope)) : Optional.empty(),
                    step.integer("responseTimeoutInSeconds", 5, 300).orElse(PlaybookStep.InvokeDirectMethod.DEFAULT_RESPONSE_TIMEOUT_SECONDS));
            case "setAlertStatus" -> new PlaybookStep.SetAlertStatus(header, template(step.path("alertId"), step.requiredText("alertId"), scope),
                    template(step.path("status"), step.requiredText("status"), scope));
            case "compose" -> {
                if (!step.has("value")) {
                    throw new InvalidPlaybookException(step.path("value"), "is required");
                }
                yield new PlaybookStep.Compose(header, tree(step.path("value"), step.node("value"), scope));
            }
            case "if" -> new PlaybookStep.Condition(header, condition(step.path("condition"), step.requiredText("condition"), scope),
                    steps(step.node("then"), step.path("then"), true, scope, depth + 1),
                    steps(step.node("else"), step.path("else"), false, scope, depth + 1));
            case "forEach" -> forEach(step, header, scope, depth);
            default -> throw new IllegalStateException("no reader for step type " + type);
        };
    }

    private PlaybookStep forEach(Members step, StepHeader header, ExpressionScope scope, int depth) {
        Expression items = expression(step.path("items"), step.requiredText("items"));
        KqlType type = expressions.check(workspaceId, scope, items);
        if (type != KqlType.DYNAMIC) {
            throw new InvalidPlaybookException(step.path("items"), 1, "must be a dynamic array (e.g. Entities, or a query step's rows), is " + type.kqlName());
        }
        int limit = step.integer("limit", 1, PlaybookStep.ForEach.MOST_ITEMS).orElseThrow(() -> new InvalidPlaybookException(step.path("limit"),
                "is required: a loop has a bound, from 1 to " + PlaybookStep.ForEach.MOST_ITEMS + " items"));
        String as = step.text("as").orElse("item");
        checkName(step.path("as"), as);
        checkNewName(step.path("as"), as, scope);
        ExpressionScope inner = scope.with(as, KqlType.DYNAMIC).with(as + "Index", KqlType.LONG);
        return new PlaybookStep.ForEach(header, items, as, limit, steps(step.node("steps"), step.path("steps"), true, inner, depth + 1));
    }

    private PlaybookStep query(Members step, StepHeader header, ExpressionScope scope) {
        String query = step.requiredText("query");
        String prefix = Bindings.placeholderLets(scope);
        try {
            logStore.explain(workspaceId, QueryRequest.of(prefix + query));
        } catch (KqlQueryException e) {
            int at = Math.max(0, Math.min(e.diagnostics().get(0).start() - prefix.length(), query.length()));
            throw new InvalidPlaybookException(step.path("query"), at + 1, "the query does not compile: " + e.diagnostics().get(0).message());
        }
        return new PlaybookStep.RunQuery(header, query, step.duration("timespan", Duration.ofSeconds(1), Duration.ofDays(3650)).map(Duration::toString),
                step.integer("maxRows", 1, PlaybookStep.RunQuery.MOST_ROWS).orElse(100));
    }

    private Optional<Template> optional(Members step, String member, ExpressionScope scope) {
        return step.text(member).map(text -> template(step.path(member), text, scope));
    }

    private Map<String, Template> templates(Members step, String member, ExpressionScope scope) {
        Map<String, Template> values = new LinkedHashMap<>();
        step.fields(member).forEach((name, value) -> values.put(name, textTemplate(step.path(member) + "." + name, value, scope)));
        return values;
    }

    private Template textTemplate(String path, JsonNode value, ExpressionScope scope) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw new InvalidPlaybookException(path, "must be text");
        }
        return template(path, value.asText(), scope);
    }

    private Template template(String path, String text, ExpressionScope scope) {
        Template template = Template.parse(text, path);
        for (Expression expression : template.expressions()) {
            checkSecrets(expression);
            expressions.check(workspaceId, scope, expression);
        }
        return template;
    }

    private TemplateTree tree(String path, JsonNode node, ExpressionScope scope) {
        TemplateTree tree = new TemplateTree(node, path);
        for (Template template : tree.templates()) {
            for (Expression expression : template.expressions()) {
                checkSecrets(expression);
                expressions.check(workspaceId, scope, expression);
            }
        }
        return tree;
    }

    private Expression condition(String path, String text, ExpressionScope scope) {
        Expression expression = expression(path, text);
        KqlType type = expressions.check(workspaceId, scope, expression);
        if (type != KqlType.BOOL && type != KqlType.DYNAMIC) {
            throw new InvalidPlaybookException(path, 1, "a condition is a bool expression; '" + text.strip() + "' is " + type.kqlName());
        }
        return expression;
    }

    private Expression expression(String path, String text) {
        if (text.isBlank()) {
            throw new InvalidPlaybookException(path, "must be a KQL expression");
        }
        Expression expression = Expression.at(path, text);
        checkSecrets(expression);
        return expression;
    }

    /** {@code Secrets.name} must name a secret of the playbook: KQL would take any name of a dynamic value. */
    private void checkSecrets(Expression expression) {
        Matcher use = SECRET_USE.matcher(expression.text());
        while (use.find()) {
            String name = use.group(1) != null ? use.group(1) : use.group(2);
            if (!secrets.contains(name)) {
                throw new InvalidPlaybookException(expression.path(), expression.offset() + use.start() + 1,
                        "'" + name + "' is not a secret of the playbook" + (secrets.isEmpty() ? " (it has none)" : "; its secrets are "
                                + String.join(", ", secrets.stream().sorted().toList())));
            }
        }
    }

    private static void checkName(String path, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidPlaybookException(path, "'" + name + "' is not a name: 1 to 64 letters, digits or '_', not starting with a digit");
        }
    }

    private void checkNewName(String path, String name, ExpressionScope scope) {
        if (PlaybookScope.isBase(name) || scope.has(name)) {
            throw new InvalidPlaybookException(path, "'" + name + "' is already a variable here; choose another name");
        }
        try {
            // a name KQL keeps for itself (a keyword, a function) cannot be bound
            expressions.check(workspaceId, ExpressionScope.of(Map.of(name, KqlType.DYNAMIC)), Expression.at(path, "1"));
        } catch (InvalidPlaybookException e) {
            throw new InvalidPlaybookException(path, "'" + name + "' cannot be a variable's name in KQL; choose another name");
        }
    }
}
