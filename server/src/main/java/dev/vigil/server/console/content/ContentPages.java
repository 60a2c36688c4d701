package dev.vigil.server.console.content;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.soc.content.ContentFile;
import dev.vigil.soc.content.ContentPackInstall;
import dev.vigil.soc.content.ImportOutcome;
import dev.vigil.soc.content.ImportStatus;
import dev.vigil.soc.content.PackInstallation;
import dev.vigil.soc.content.PackItem;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Content hub: installs a content pack (a Sentinel solution's folders) from the server's pack
 * folder or from a folder uploaded by the browser, through the same installation as the API's
 * {@code contentPacks/install}, and shows the answer for each item.
 */
public final class ContentPages {
    private static final String AREA = ConsolePaths.WORKSPACE + "/content";

    private final ContentPackInstall packs;
    private final PackDirectory directory;

    public ContentPages(ConsoleServices services) {
        this.packs = services.content().packs();
        this.directory = new PackDirectory(services.content().packDirectory());
    }

    public static String href(String workspace) {
        return ConsolePaths.workspace(workspace) + "/content";
    }

    public void register(ConsoleRouter router) {
        router.get(AREA, request -> hub(router, request));
        router.post(AREA + "/upload", request -> upload(router, request));
        router.post(AREA + "/packs/{pack}/install", request -> installFromFolder(router, request));
    }

    private static Permit permit(ConsoleRequest request, String workspace) {
        return request.user().permit(Scope.workspace(workspace), Role.CONTRIBUTOR);
    }

    private void hub(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        List<ContentHubPage.ServerPack> listed = directory.packs().stream()
                .map(pack -> new ContentHubPage.ServerPack(pack, href(workspace) + "/packs/" + ConsolePaths.encode(pack) + "/install")).toList();
        router.templates().render(request.ctx(), "content/hub.jte", new ContentHubPage(request.shell(Area.CONTENT_HUB, "Content hub"),
                permit(request, workspace), listed, directory.root().toString(), href(workspace) + "/upload"));
    }

    private void installFromFolder(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        String pack = request.ctx().pathParam("pack");
        PackResult result = install(request, workspace, pack, () -> directory.files(pack));
        router.templates().render(request.ctx(), "content/result.jte", result);
    }

    /**
     * A folder chosen in the browser: each file's name is its path within the chosen folder, whose
     * own name leads it ({@code SshSolution/Analytic Rules/x.yaml}) and names the pack.
     */
    private void upload(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        List<UploadedFile> uploads = request.ctx().uploadedFiles("files").stream().filter(file -> file.size() > 0).toList();
        PackResult result;
        if (uploads.isEmpty()) {
            result = permit(request, workspace).allowed() ? PackResult.refused("Choose a pack's folder (with Analytic Rules/, Workbooks/, ...) to install.")
                    : PackResult.refused(permit(request, workspace).reason());
        } else if (uploads.size() > PackDirectory.MAX_FILES) {
            result = PackResult.refused("A pack has at most " + PackDirectory.MAX_FILES + " files; " + uploads.size() + " were chosen.");
        } else {
            String pack = packName(uploads.get(0).filename());
            result = install(request, workspace, pack, () -> uploads.stream().map(upload -> read(upload, pack)).toList());
        }
        router.templates().render(request.ctx(), "content/result.jte", result);
    }

    private PackResult install(ConsoleRequest request, String workspace, String pack, java.util.function.Supplier<List<ContentFile>> files) {
        Permit permit = permit(request, workspace);
        if (!permit.allowed()) {
            return PackResult.refused(permit.reason());
        }
        Authorization.require(request.ctx(), Scope.workspace(workspace), Role.CONTRIBUTOR);
        AuditNotes.put(request.ctx(), "contentPack", pack);
        // rules stay disabled unless the installer ticked "Enable the pack's rules"
        boolean enable = "true".equals(request.ctx().formParam("enable"));
        PackInstallation installation = packs.install(workspace, pack, files.get(), enable, request.user().principal().id());
        return result(installation);
    }

    private static String packName(String filename) {
        String normalized = filename.replace('\\', '/');
        int slash = normalized.indexOf('/');
        return slash > 0 ? normalized.substring(0, slash) : "uploaded pack";
    }

    private static ContentFile read(UploadedFile upload, String pack) {
        String name = upload.filename().replace('\\', '/');
        String within = name.startsWith(pack + "/") ? name.substring(pack.length() + 1) : name;
        try (InputStream in = upload.content()) {
            return new ContentFile(within, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file " + name + " cannot be read", e);
        }
    }

    private static PackResult result(PackInstallation installation) {
        Map<ImportStatus, Integer> counts = new EnumMap<>(ImportStatus.class);
        List<PackResult.Row> rows = new ArrayList<>();
        for (PackItem item : installation.items()) {
            ImportOutcome outcome = item.outcome();
            counts.merge(outcome.status(), 1, Integer::sum);
            String detail = outcome.refusal().map(r -> r.reason() + ": " + r.message()).orElse(outcome.note().orElse(""));
            rows.add(new PackResult.Row(outcome.file(), kind(outcome), outcome.name().orElse(outcome.id().orElse("")), outcome.status().name(), detail,
                    String.join(", ", item.needs().tables()), String.join("; ", uses(item))));
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((status, count) -> parts.add(count + " " + status.name().toLowerCase(Locale.ROOT)));
        List<String> tables = new ArrayList<>();
        installation.tableRows().forEach((table, count) -> tables.add(table + (count == 0 ? " (no rows yet)" : " (" + count + " rows)")));
        return new PackResult(Optional.empty(), installation.pack(), rows, String.join(", ", parts), tables, installation.connectors(),
                installation.settings(), installation.skipped());
    }

    private static List<String> uses(PackItem item) {
        List<String> uses = new ArrayList<>();
        item.needs().connectors().forEach(connector -> uses.add("connector " + connector));
        uses.addAll(item.needs().settings());
        return uses;
    }

    private static String kind(ImportOutcome outcome) {
        return switch (outcome.kind()) {
            case AlertRule -> "Analytics rule";
            case HuntingQuery -> "Hunting query";
            case Function -> "Parser";
            case Workbook -> "Workbook";
            case Playbook -> "Playbook";
        };
    }
}
