package dev.vigil.soc.rule;

import java.util.Optional;

/**
 * Alert fields taken from each result: display name and description as templates with
 * {@code {{Column}}} placeholders, tactics and severity from a column.
 */
public record AlertDetailsOverride(Optional<String> alertDisplayNameFormat, Optional<String> alertDescriptionFormat,
        Optional<String> alertTacticsColumnName, Optional<String> alertSeverityColumnName) {
}
