package dev.vigil.server.api.iot;

import dev.vigil.iot.auth.AuthenticatedDevice;
import dev.vigil.iot.auth.DeviceAuthenticator;
import io.javalin.http.Context;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Who a device request comes from: the SAS token of its {@code Authorization} header, or, without
 * one, the client certificate of its TLS handshake (X.509 devices and modules; the hub is then the {@code Host}).
 */
final class DeviceCredentials {
    private static final String SERVLET_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private DeviceCredentials() {
    }

    static AuthenticatedDevice authenticate(Context ctx, DeviceAuthenticator authenticator, String deviceId, Optional<String> moduleId) {
        String source = ctx.ip() + ":" + ctx.req().getRemotePort();
        String authorization = ctx.header("Authorization");
        X509Certificate[] chain = (X509Certificate[]) ctx.req().getAttribute(SERVLET_CERTIFICATES);
        String hubHost = DeviceEndpointRoutes.hubHost(ctx, authenticator.domain());
        if ((authorization == null || authorization.isBlank()) && chain != null && chain.length > 0) {
            return authenticator.authenticateCertificate(hubHost, deviceId, moduleId, List.of(chain), source);
        }
        return authenticator.authenticate(hubHost, deviceId, moduleId, authorization, source);
    }
}
