package dev.vigil.server.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.vigil.iot.alert.AlertNotFoundException;
import dev.vigil.iot.alert.IotAlertException;
import dev.vigil.iot.auth.DeviceAuthenticationException;
import dev.vigil.iot.device.MessageRefusal;
import dev.vigil.iot.endpoint.CloudToDeviceLockLostException;
import dev.vigil.iot.endpoint.CloudToDeviceQueueFullException;
import dev.vigil.iot.endpoint.DeviceMessage;
import dev.vigil.iot.endpoint.DeviceMessageRefusedException;
import dev.vigil.iot.endpoint.SecurityMonitoringUnavailableException;
import dev.vigil.iot.message.InvalidSecurityMessageException;
import dev.vigil.iot.method.DirectMethodException;
import dev.vigil.iot.registry.InvalidResourceException;
import dev.vigil.iot.registry.RegistryException;
import dev.vigil.iot.registry.ResourceConflictException;
import dev.vigil.iot.registry.ResourceNotFoundException;
import dev.vigil.iot.routing.InvalidRoutingException;
import dev.vigil.iot.twin.TwinException;
import dev.vigil.server.access.AccessException;
import dev.vigil.server.identity.AuthenticationException;
import dev.vigil.server.identity.IdentityException;
import dev.vigil.server.identity.LoginThrottledException;
import dev.vigil.server.query.QueryIdInUseException;
import dev.vigil.server.query.QueryNotFoundException;
import dev.vigil.server.query.QueryThrottledException;
import dev.vigil.soc.RefusedRequestException;
import dev.vigil.soc.connector.ConnectorException;
import dev.vigil.soc.incident.IncidentEtagMismatchException;
import dev.vigil.soc.incident.IncidentException;
import dev.vigil.soc.incident.IncidentNotFoundException;
import dev.vigil.soc.incident.IncidentStatusTransitionException;
import dev.vigil.workspace.api.FunctionDefinitionException;
import dev.vigil.workspace.api.FunctionNotFoundException;
import dev.vigil.workspace.api.IngestCommitFailedException;
import dev.vigil.workspace.api.IngestQueueFullException;
import dev.vigil.workspace.api.KqlQueryException;
import dev.vigil.workspace.api.QueryCancellation;
import dev.vigil.workspace.api.QueryCancelledException;
import dev.vigil.workspace.api.QueryExecutionException;
import dev.vigil.workspace.api.ReadOnlyTableException;
import dev.vigil.workspace.api.RowsRejectedException;
import dev.vigil.workspace.api.TableNotFoundException;
import dev.vigil.workspace.api.WorkspaceConflictException;
import dev.vigil.workspace.api.WorkspaceException;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP responses: a status, maybe headers, and the body
 * {@code {"error":{"code","message","innererror":{...}}}}. Handlers only throw.
 */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    /** After a failed commit: storage is probed every second while failing, so a few seconds usually see it back. */
    private static final long COMMIT_RETRY_AFTER_SECONDS = 5;

    private ErrorResponses() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(WorkspaceException.class, ErrorResponses::workspace);
        routes.exception(ApiException.class, (e, ctx) -> respond(ctx, e.status(), ApiError.of(e.code(), e.getMessage(), e.innerError())));
        routes.exception(AuthenticationException.class, ErrorResponses::authentication);
        routes.exception(IdentityException.class, ErrorResponses::identity);
        routes.exception(IotAlertException.class, (e, ctx) ->
                respond(ctx, e instanceof AlertNotFoundException ? 404 : 409, ApiError.of(e.code(), e.getMessage())));
        // analytics and automation rules, watchlists, playbooks, workbooks, hunting
        routes.exception(RefusedRequestException.class, (e, ctx) -> respond(ctx, e.status(), ApiError.of(e.code(), e.getMessage(), e.innerError())));
        routes.exception(RegistryException.class, ErrorResponses::registry);
        routes.exception(ValueInstantiationException.class, ErrorResponses::invalidValue);
        routes.exception(DeviceAuthenticationException.class, (e, ctx) -> respond(ctx, e.status(),
                ApiError.of(e.code(), e.getMessage(), Map.of("reason", e.reason().name(), "iotHubErrorCode", e.iotHubErrorCode()))));
        routes.exception(InvalidSecurityMessageException.class, (e, ctx) ->
                respond(ctx, 400, ApiError.of(e.code(), e.getMessage(), Map.of("path", e.path(), "rule", e.rule()))));
        routes.exception(DeviceMessageRefusedException.class, (e, ctx) -> respond(ctx, e.reason() == MessageRefusal.MESSAGE_TOO_LARGE ? 413 : 400,
                ApiError.of(e.code(), e.getMessage(), Map.of("reason", e.reason().name(), "maxMessageBytes", DeviceMessage.MAX_BYTES,
                        "iotHubErrorCode", e.reason().iotHubError().errorCode()))));
        routes.exception(InvalidRoutingException.class, (e, ctx) -> respond(ctx, 400, ApiError.of(e.code(), e.getMessage(), e.innerError())));
        routes.exception(TwinException.class, (e, ctx) ->
                respond(ctx, e.status(), ApiError.of(e.code(), e.getMessage(), Map.of("iotHubErrorCode", e.iotHubErrorCode()))));
        routes.exception(DirectMethodException.class, (e, ctx) ->
                respond(ctx, e.status(), ApiError.of(e.code(), e.getMessage(), Map.of("iotHubErrorCode", e.iotHubErrorCode()))));
        routes.exception(CloudToDeviceLockLostException.class, (e, ctx) ->
                respond(ctx, e.status(), ApiError.of(e.code(), e.getMessage(), Map.of("iotHubErrorCode", e.iotHubErrorCode()))));
        routes.exception(CloudToDeviceQueueFullException.class, (e, ctx) -> respond(ctx, 403, ApiError.of(e.code(), e.getMessage())));
        routes.exception(SecurityMonitoringUnavailableException.class, (e, ctx) -> respond(ctx, 503, ApiError.of(e.code(), e.getMessage())));
        routes.exception(ConnectorException.class, (e, ctx) -> respond(ctx, e.status(), ApiError.of(e.code(), e.getMessage())));
        routes.exception(IncidentException.class, ErrorResponses::incident);
        routes.exception(AccessException.class, (e, ctx) -> respond(ctx, e.status(), ApiError.of(e.code(), e.getMessage())));
        routes.exception(QueryThrottledException.class, (e, ctx) -> {
            long seconds = retryAfterSeconds(e.retryAfter());
            ctx.header("Retry-After", Long.toString(seconds));
            respond(ctx, 429, ApiError.of(e.code(), e.getMessage(), Map.of("retryAfterSeconds", seconds)));
        });
        routes.exception(QueryIdInUseException.class, (e, ctx) -> respond(ctx, 409, ApiError.of(e.code(), e.getMessage())));
        routes.exception(QueryNotFoundException.class, (e, ctx) -> respond(ctx, 404, ApiError.of(e.code(), e.getMessage())));
        routes.exception(JsonProcessingException.class, ErrorResponses::malformedJson);
        routes.exception(HttpResponseException.class, ErrorResponses::javalin);
        routes.exception(Exception.class, ErrorResponses::unexpected);
    }

    private static void workspace(WorkspaceException e, Context ctx) {
        Map<String, Object> inner = Map.of();
        int status = 400;
        if (e instanceof WorkspaceNotFoundException || e instanceof TableNotFoundException || e instanceof FunctionNotFoundException) {
            status = 404;
        } else if (e instanceof RowsRejectedException rejected) {
            inner = Map.of("errors", rejected.errors(), "totalErrors", rejected.totalErrors());
        } else if (e instanceof KqlQueryException kql) {
            inner = KqlErrorDetails.of(kql.diagnostics());
        } else if (e instanceof FunctionDefinitionException function && function.part().isPresent()) {
            // positions count from the start of the function's body or parameter list, which "part" names
            Map<String, Object> located = new LinkedHashMap<>(KqlErrorDetails.of(function.diagnostics()));
            located.put("part", function.part().get().name().toLowerCase(Locale.ROOT));
            inner = located;
        } else if (e instanceof IngestQueueFullException full) {
            long seconds = retryAfterSeconds(full.retryAfter());
            ctx.header("Retry-After", Long.toString(seconds));
            inner = Map.of("retryAfterSeconds", seconds);
            status = 429;
        } else if (e instanceof QueryCancelledException cancelled) {
            // Log Analytics answers a query past its timeout with 504; a cancelled one conflicts with finishing it
            status = cancelled.reason() == QueryCancellation.Reason.TIMED_OUT ? 504 : 409;
        } else if (e instanceof QueryExecutionException) {
            LOG.warn("query failed while running", e);
        } else if (e instanceof IngestCommitFailedException) {
            // nothing of the request was written; the client may send it again once storage takes writes (see /healthz)
            ctx.header("Retry-After", Long.toString(COMMIT_RETRY_AFTER_SECONDS));
            inner = Map.of("retryAfterSeconds", COMMIT_RETRY_AFTER_SECONDS);
            status = 503;
        } else if (e instanceof ReadOnlyTableException) {
            status = 403;
        } else if (e instanceof WorkspaceConflictException conflict) {
            inner = Map.of("existingWorkspace", conflict.existingWorkspace());
            status = 409;
        }
        respond(ctx, status, ApiError.of(e.code(), e.getMessage(), inner));
    }

    private static void registry(RegistryException e, Context ctx) {
        int status = e instanceof ResourceNotFoundException ? 404 : e instanceof ResourceConflictException ? 409 : 400;
        respond(ctx, status, ApiError.of(e.code(), e.getMessage()));
    }

    /** JSON that parses but whose values a record refuses: Jackson wraps the domain's exception. */
    private static void invalidValue(ValueInstantiationException e, Context ctx) {
        if (e.getCause() instanceof RegistryException registry) {
            registry(registry, ctx);
        } else {
            String detail = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
            registry(new InvalidResourceException("the body is not valid: " + detail), ctx);
        }
    }

    private static void incident(IncidentException e, Context ctx) {
        int status = 400;
        if (e instanceof IncidentNotFoundException) {
            status = 404;
        } else if (e instanceof IncidentStatusTransitionException) {
            status = 409;
        } else if (e instanceof IncidentEtagMismatchException mismatch) {
            ctx.header("ETag", mismatch.currentEtag());
            status = 412;
        }
        respond(ctx, status, ApiError.of(e.code(), e.getMessage()));
    }

    private static void authentication(AuthenticationException e, Context ctx) {
        String challenge = switch (e.reason()) {
            case MISSING -> "Bearer realm=\"vigil\"";
            case MALFORMED -> "Bearer realm=\"vigil\", error=\"invalid_request\"";
            case INVALID -> "Bearer realm=\"vigil\", error=\"invalid_token\"";
            case SESSION -> "Bearer realm=\"vigil\"";
        };
        ctx.header("WWW-Authenticate", challenge);
        respond(ctx, 401, ApiError.of(e.code(), e.getMessage()));
    }

    private static void identity(IdentityException e, Context ctx) {
        if (e instanceof LoginThrottledException throttled) {
            ctx.header("Retry-After", Long.toString(throttled.retryAfterSeconds()));
        }
        respond(ctx, e.status(), ApiError.of(e.code(), e.getMessage(), e.innerError()));
    }

    private static void malformedJson(JsonProcessingException e, Context ctx) {
        JsonLocation at = e.getLocation();
        Map<String, Object> inner = new LinkedHashMap<>();
        String where = "";
        if (at != null && at.getLineNr() > 0) {
            inner.put("line", at.getLineNr());
            inner.put("column", at.getColumnNr());
            where = " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
        respond(ctx, 400, ApiError.of("InvalidJson", "The body is not valid JSON" + where + ": " + e.getOriginalMessage(), inner));
    }

    private static void javalin(HttpResponseException e, Context ctx) {
        String code = HttpStatus.forStatus(e.getStatus()).getMessage().replace(" ", "").replace("-", "");
        respond(ctx, e.getStatus(), ApiError.of(code, e.getMessage()));
    }

    private static void unexpected(Exception e, Context ctx) {
        LOG.error("unexpected error serving {} {}", ctx.method(), ctx.path(), e);
        respond(ctx, 500, ApiError.of("InternalError", "The server failed to handle the request; the server log has the details."));
    }

    /** Whole seconds, rounded up, at least one: the value of {@code Retry-After}. */
    private static long retryAfterSeconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    private static void respond(Context ctx, int status, ApiError error) {
        ctx.attribute(ApiError.ATTRIBUTE, error);
        ctx.status(status).json(error);
    }
}
