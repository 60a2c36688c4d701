package dev.vigil.server.console.layout;

import java.util.Optional;

/** A navigation entry; {@code href} is empty for an area that comes later. */
public record NavItem(String label, Optional<String> href, boolean current) {
}
