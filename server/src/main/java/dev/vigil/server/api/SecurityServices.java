package dev.vigil.server.api;

import dev.vigil.server.access.AccessControl;
import dev.vigil.server.audit.AuditTrail;
import dev.vigil.server.identity.ApiKeyStore;
import dev.vigil.server.identity.LoginThrottle;
import dev.vigil.server.identity.SessionStore;
import dev.vigil.server.identity.UserStore;
import java.time.Clock;

/** Who may call the API and what is recorded about it: users, keys, sessions, roles, the audit trail. */
public record SecurityServices(UserStore users, ApiKeyStore keys, SessionStore sessions, LoginThrottle throttle,
                               AccessControl access, AuditTrail audit, Clock clock) {
}
