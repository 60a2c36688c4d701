package dev.vigil.server.console.analytics;

import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.Permit;
import dev.vigil.soc.content.AlertRuleImport;
import dev.vigil.soc.content.ContentFile;
import dev.vigil.soc.content.ContentItemKind;
import dev.vigil.soc.content.ImportOutcome;
import dev.vigil.soc.content.ImportStatus;
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
import java.util.function.BiFunction;

/**
 * Analytics' Import: rule files (Sentinel rule or hunting-query YAML, exported ARM JSON, Sigma)
 * uploaded from the browser go to the same import as the API's, and the answer is a row per item.
 */
final class RuleImportPages {
    static final String IMPORT = AnalyticsPages.LIST + "/import";
    static final int MAX_FILES = 500;

    private final AlertRuleImport imports;
    private final BiFunction<ConsoleRequest, String, ActiveRules> activeRules;

    RuleImportPages(AlertRuleImport imports, BiFunction<ConsoleRequest, String, ActiveRules> activeRules) {
        this.imports = imports;
        this.activeRules = activeRules;
    }

    static String href(String workspace) {
        return AnalyticsPages.listHref(workspace) + "/import";
    }

    void register(ConsoleRouter router) {
        router.post(IMPORT, request -> importFiles(router, request));
    }

    private void importFiles(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        Permit permit = RuleChanges.permit(request, workspace);
        ImportResult result;
        if (!permit.allowed()) {
            result = refused(request, workspace, permit.reason());
        } else {
            RuleChanges.require(request, workspace, "import");
            List<UploadedFile> uploads = request.ctx().uploadedFiles("files").stream().filter(file -> file.size() > 0).toList();
            if (uploads.isEmpty()) {
                result = refused(request, workspace, "Choose one or more rule files (.yaml, .yml or .json) to import.");
            } else if (uploads.size() > MAX_FILES) {
                result = refused(request, workspace, "Import at most " + MAX_FILES + " files at a time; " + uploads.size() + " were chosen.");
            } else {
                boolean enable = request.ctx().formParam("enabled") != null;
                List<ImportOutcome> outcomes = imports.importFiles(workspace, uploads.stream().map(RuleImportPages::read).toList(), enable);
                result = new ImportResult(outcomes.stream().map(RuleImportPages::row).toList(), summary(outcomes), Optional.empty(),
                        activeRules.apply(request, workspace));
            }
        }
        router.templates().render(request.ctx(), "analytics/importResult.jte", result);
    }

    private ImportResult refused(ConsoleRequest request, String workspace, String message) {
        return new ImportResult(List.of(), "", Optional.of(message), activeRules.apply(request, workspace));
    }

    private static ContentFile read(UploadedFile upload) {
        try (InputStream in = upload.content()) {
            return new ContentFile(upload.filename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file " + upload.filename() + " cannot be read", e);
        }
    }

    private static ImportResult.Row row(ImportOutcome outcome) {
        String detail = outcome.refusal().map(r -> r.reason() + ": " + r.message()).orElse(outcome.note().orElse(""));
        return new ImportResult.Row(outcome.file(), outcome.kind() == ContentItemKind.HuntingQuery ? "Hunting query" : "Rule",
                outcome.name().orElse(outcome.id().orElse("")), outcome.status().name(), detail);
    }

    private static String summary(List<ImportOutcome> outcomes) {
        Map<ImportStatus, Integer> counts = new EnumMap<>(ImportStatus.class);
        outcomes.forEach(outcome -> counts.merge(outcome.status(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((status, count) -> parts.add(count + " " + status.name().toLowerCase(Locale.ROOT)));
        return String.join(", ", parts);
    }
}
