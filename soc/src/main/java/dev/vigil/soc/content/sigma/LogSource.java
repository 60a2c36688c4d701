package dev.vigil.soc.content.sigma;

import java.util.Locale;
import java.util.Optional;

/** A Sigma rule's {@code logsource}: what produced the events it looks at. */
record LogSource(Optional<String> product, Optional<String> category, Optional<String> service) {

    /** Whether every key {@code pattern} names has this source's value (case aside). */
    boolean matches(LogSource pattern) {
        return same(pattern.product, product) && same(pattern.category, category) && same(pattern.service, service);
    }

    private static boolean same(Optional<String> wanted, Optional<String> actual) {
        return wanted.isEmpty() || actual.map(value -> value.toLowerCase(Locale.ROOT)).equals(wanted.map(value -> value.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        product.ifPresent(value -> text.append("product: ").append(value));
        category.ifPresent(value -> text.append(text.isEmpty() ? "" : ", ").append("category: ").append(value));
        service.ifPresent(value -> text.append(text.isEmpty() ? "" : ", ").append("service: ").append(value));
        return "{" + text + "}";
    }
}
