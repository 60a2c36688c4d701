package dev.vigil.server.console.analytics;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule wizard: a new or saved Scheduled or NRT rule in sections (general, query, alert
 * enhancement, scheduling and threshold, event grouping, suppression, incident settings) and the
 * results simulation (dry run).
 *
 * @param ruleId empty for a new rule
 * @param etag the version edited; empty for a new rule
 * @param error why the last save was refused, at the property the domain named
 * @param saveAction where the form saves; {@code refreshAction} re-renders it after a row is added or removed or the query changed
 * @param dryRunAction where the results simulation runs: the form's rule, or the saved rule for a user who may not change it
 */
public record RuleWizardPage(Shell shell, String heading, RuleDraft draft, Optional<String> ruleId, String etag, Permit permit,
        Optional<FieldError> error, boolean saved, ResultColumns columns, String saveAction, String refreshAction, String dryRunAction,
        String listHref, String monacoBase, String catalogHref, String diagnosticsHref, List<Option> dryRunWindows) {

    /** The error's message when it is about this property exactly. */
    public Optional<String> errorAt(String property) {
        return error.filter(e -> e.at(property)).map(FieldError::message);
    }

    /** The error's message when it is about this property or one inside it. */
    public Optional<String> errorUnder(String property) {
        return error.filter(e -> e.under(property)).map(FieldError::message);
    }

    /** {@code aria-invalid} of the property's field: "true" when the error is about it, else none. */
    public String invalid(String property) {
        return errorUnder(property).isPresent() ? "true" : null;
    }

    /** {@code aria-describedby} of the property's field: the error's element when the error is about it. */
    public String describedBy(String property, String errorId) {
        return errorUnder(property).isPresent() ? errorId : null;
    }

    /** The result columns to pick from, and the one picked even when the results no longer have it (marked so). */
    public List<Option> columnOptions(String selected) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", "Choose a column", selected.isEmpty()));
        columns.names().forEach(name -> options.add(new Option(name, name, name.equals(selected))));
        if (!selected.isEmpty() && !columns.names().contains(selected)) {
            options.add(new Option(selected, selected + " (not in the query's results)", true));
        }
        return options;
    }

    public List<Option> identifierOptions(String entityType, String selected) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", entityType.isEmpty() ? "Choose the entity type first" : "Choose an identifier", selected.isEmpty()));
        RuleChoices.identifiers(entityType).forEach(id -> options.add(new Option(id, id, id.equals(selected))));
        return options;
    }

    /** The custom details' names, which incidents may group by. */
    public List<String> customDetailNames() {
        return draft.customDetails().stream().map(RuleDraft.Detail::name).filter(n -> !n.isBlank()).toList();
    }
}
