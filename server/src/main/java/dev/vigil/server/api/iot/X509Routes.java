package dev.vigil.server.api.iot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.iot.auth.x509.CertificateThumbprints;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.auth.x509.DeviceAuthentication;
import dev.vigil.iot.auth.x509.HubCertificate;
import dev.vigil.iot.auth.x509.X509AuthenticationType;
import dev.vigil.iot.auth.x509.X509Credentials;
import dev.vigil.iot.registry.InvalidResourceException;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.api.iot.IotScopeAuthorization.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * X.509 device authentication: a device's or module's {@code authentication} ({@code sas},
 * {@code selfSigned} with {@code x509Thumbprint}, {@code certificateAuthority}) at
 * {@code .../devices/{id}/authentication} and {@code .../devices/{id}/modules/{m}/authentication},
 * and the hub's CA certificates
 * ({@code .../IotHubs/{hub}/certificates/{name}} with {@code {"properties":{"certificate":PEM,"isVerified":true}}}).
 */
final class X509Routes {
    private final IotRegistry registry;
    private final X509Credentials credentials;
    private final IotScopeAuthorization authorization;

    X509Routes(IotRegistry registry, X509Credentials credentials, IotScopeAuthorization authorization) {
        this.registry = registry;
        this.credentials = credentials;
        this.authorization = authorization;
    }

    void register(RoutesConfig routes) {
        String certificates = IotRegistryRoutes.HUB + "/certificates";
        for (boolean module : new boolean[] {false, true}) {
            String path = (module ? IotRegistryRoutes.MODULE : IotRegistryRoutes.DEVICE) + "/authentication";
            routes.get(path, ctx -> ctx.json(view(credentials.authentication(target(ctx, Access.READ, module)))));
            routes.put(path, ctx -> putAuthentication(ctx, module));
        }
        routes.get(certificates, ctx -> {
            IotHub hub = IotRegistryRoutes.hub(ctx, registry, authorization, Access.READ);
            ctx.json(Map.of("value", credentials.certificates(hub.name()).stream().map(this::view).toList()));
        });
        routes.put(certificates + "/{name}", this::putCertificate);
        routes.get(certificates + "/{name}", ctx -> {
            IotHub hub = IotRegistryRoutes.hub(ctx, registry, authorization, Access.READ);
            ctx.json(view(credentials.certificate(hub.name(), ctx.pathParam("name"))));
        });
        routes.delete(certificates + "/{name}", ctx -> {
            IotHub hub = IotRegistryRoutes.hub(ctx, registry, authorization, Access.WRITE);
            credentials.deleteCertificate(hub.name(), ctx.pathParam("name"));
        });
    }

    private void putAuthentication(Context ctx, boolean module) {
        DeviceAddress target = target(ctx, Access.WRITE, module);
        JsonNode body = ctx.bodyAsClass(JsonNode.class);
        String typeText = body == null ? "" : body.path("type").asText("");
        X509AuthenticationType type = X509AuthenticationType.parse(typeText).orElseThrow(() -> new InvalidResourceException(
                "'type' must be sas, selfSigned or certificateAuthority, was '" + typeText + "'"));
        JsonNode thumbprints = body.path("x509Thumbprint");
        DeviceAuthentication saved = credentials.setAuthentication(new DeviceAuthentication(target, type,
                text(thumbprints, "primaryThumbprint"), text(thumbprints, "secondaryThumbprint")));
        AuditNotes.put(ctx, "authenticationType", type.text());
        ctx.json(view(saved));
    }

    private void putCertificate(Context ctx) {
        IotHub hub = IotRegistryRoutes.hub(ctx, registry, authorization, Access.WRITE);
        JsonNode properties = ctx.bodyAsClass(JsonNode.class).path("properties");
        if (!properties.path("certificate").isTextual()) {
            throw new InvalidResourceException("properties.certificate must be the CA certificate, PEM or base64 DER");
        }
        HubCertificate saved = credentials.putCertificate(new HubCertificate(hub.name(), ctx.pathParam("name"),
                properties.path("certificate").asText(), properties.path("isVerified").asBoolean(false)));
        AuditNotes.put(ctx, "thumbprint", CertificateThumbprints.sha1(saved.certificate()));
        ctx.json(view(saved));
    }

    private DeviceAddress target(Context ctx, Access access, boolean module) {
        return IotRegistryRoutes.target(ctx, registry, authorization, access, module);
    }

    private Map<String, Object> view(DeviceAuthentication authentication) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", authentication.type().text());
        Map<String, Object> thumbprints = new LinkedHashMap<>();
        thumbprints.put("primaryThumbprint", authentication.primaryThumbprint());
        thumbprints.put("secondaryThumbprint", authentication.secondaryThumbprint());
        view.put("x509Thumbprint", thumbprints);
        return view;
    }

    private Map<String, Object> view(HubCertificate certificate) {
        X509Certificate x509 = certificate.certificate();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("subject", CertificateThumbprints.commonName(x509));
        properties.put("expiry", x509.getNotAfter().toInstant().toString());
        properties.put("thumbprint", CertificateThumbprints.sha1(x509));
        properties.put("isVerified", certificate.verified());
        properties.put("certificate", certificate.pem());
        return Map.of("name", certificate.name(), "properties", properties);
    }

    private static String text(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
