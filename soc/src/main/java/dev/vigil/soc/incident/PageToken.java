package dev.vigil.soc.incident;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page ended: the order and the last incident's sort value and number. The next page
 * starts after that position, so incidents created or changed meanwhile neither repeat nor
 * shift the pages already read.
 */
record PageToken(IncidentOrder order, String value, long number) {

    static PageToken after(IncidentOrder order, Incident last) {
        return new PageToken(order, order.key().valueText(last), last.number());
    }

    String encode() {
        String text = order.text() + "\n" + value + "\n" + number;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token this class wrote for the same order. */
    static PageToken decode(String token, IncidentOrder expected) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length == 3) {
                PageToken decoded = new PageToken(IncidentOrder.parse(parts[0]), parts[1], Long.parseLong(parts[2]));
                if (!decoded.order.equals(expected)) {
                    throw new InvalidIncidentException("'$skipToken' was made for '$orderby=" + decoded.order.text() + "'; ask with that order");
                }
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidIncidentException("'$skipToken' is not a token of a previous page");
    }

    boolean precedes(Incident incident) {
        try {
            return order.isAfter(incident, value, number);
        } catch (RuntimeException e) {
            throw new InvalidIncidentException("'$skipToken' is not a token of a previous page");
        }
    }
}
