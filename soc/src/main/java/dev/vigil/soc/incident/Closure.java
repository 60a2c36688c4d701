package dev.vigil.soc.incident;

import java.util.Objects;
import java.util.Optional;

/**
 * How an incident was closed: a classification, the reason that goes with it (none for
 * Undetermined, required otherwise) and the analyst's comment, which may be empty.
 */
public record Closure(Classification classification, Optional<ClassificationReason> reason, String comment) {
    static final int MAX_COMMENT_LENGTH = 30_000;

    public Closure {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(reason, "reason");
        comment = comment == null ? "" : comment.strip();
        if (reason.isPresent() && reason.get().classification() != classification) {
            throw new InvalidIncidentException("'classificationReason' " + reason.get().sentinelName() + " does not go with classification "
                    + classification.sentinelName() + "; use " + reasonsOf(classification));
        }
        if (reason.isEmpty() && classification != Classification.UNDETERMINED) {
            throw new InvalidIncidentException(InvalidIncidentException.CLASSIFICATION_REQUIRED, "classification "
                    + classification.sentinelName() + " needs a 'classificationReason': " + reasonsOf(classification));
        }
        if (comment.length() > MAX_COMMENT_LENGTH) {
            throw new InvalidIncidentException("'classificationComment' is longer than " + MAX_COMMENT_LENGTH + " characters");
        }
    }

    /** From the names the API takes; {@code reason} may be null or empty for Undetermined. */
    public static Closure of(String classification, String reason, String comment) {
        if (classification == null || classification.isBlank()) {
            throw new InvalidIncidentException(InvalidIncidentException.CLASSIFICATION_REQUIRED,
                    "closing an incident needs a 'classification': TruePositive, BenignPositive, FalsePositive or Undetermined");
        }
        Optional<ClassificationReason> parsed = reason == null || reason.isBlank() ? Optional.empty() : Optional.of(ClassificationReason.named(reason));
        return new Closure(Classification.named(classification), parsed, comment);
    }

    private static String reasonsOf(Classification classification) {
        var reasons = ClassificationReason.of(classification).stream().map(ClassificationReason::sentinelName).toList();
        return reasons.isEmpty() ? "no reason" : String.join(" or ", reasons);
    }
}
