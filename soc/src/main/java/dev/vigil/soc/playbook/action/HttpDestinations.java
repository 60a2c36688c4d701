package dev.vigil.soc.playbook.action;

import dev.vigil.soc.playbook.HttpStepAllowList;
import java.net.URI;
import java.util.Optional;

/**
 * Where an {@code http} step may go: every address the host resolves to must be public, or on the
 * {@link HttpStepAllowList}. Checked before the request and before following each redirect, so a
 * public URL cannot bounce a step onto loopback either.
 */
final class HttpDestinations {
    private final HttpStepAllowList allowed;

    HttpDestinations(HttpStepAllowList allowed) {
        this.allowed = allowed;
    }

    /** Throws {@link StepFailedException} naming the address and the setting when the URL's host is, or resolves to, a refused address. */
    void check(URI uri, String shownUrl) {
        Optional<HttpStepAllowList.Refusal> refusal;
        try {
            refusal = allowed.refusal(uri, shownUrl);
        } catch (IllegalArgumentException e) {
            throw new StepFailedException(e.getMessage());
        }
        refusal.ifPresent(refused -> {
            throw new StepFailedException("'" + shownUrl + "' was refused: " + refused.reason()
                    + "; http steps call such addresses only when the server option " + HttpStepAllowList.OPTION
                    + " lists it (e.g. " + HttpStepAllowList.OPTION + " " + refused.entry() + "), see docs/operations.md");
        });
    }
}
