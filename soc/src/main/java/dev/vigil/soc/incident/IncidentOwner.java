package dev.vigil.soc.incident;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Who an incident is assigned to, with Sentinel's owner fields; empty strings where unknown.
 * All empty means unassigned.
 *
 * @param userPrincipalName the Vigil user name of the owner
 * @param assignedTo the name shown for the owner
 */
public record IncidentOwner(String objectId, String email, String assignedTo, String userPrincipalName) {
    public static final IncidentOwner UNASSIGNED = new IncidentOwner("", "", "", "");
    private static final int MAX_LENGTH = 256;

    public IncidentOwner {
        objectId = field("objectId", objectId);
        email = field("email", email);
        assignedTo = field("assignedTo", assignedTo);
        userPrincipalName = field("userPrincipalName", userPrincipalName);
    }

    /** An owner known by user name only, shown by that name. */
    public static IncidentOwner user(String userName) {
        return new IncidentOwner("", "", userName, userName);
    }

    public boolean isAssigned() {
        return !equals(UNASSIGNED);
    }

    /** Whether any of the owner's fields is this text, ignoring case. */
    public boolean matches(String who) {
        String wanted = who.strip().toLowerCase(Locale.ROOT);
        return !wanted.isEmpty() && Stream.of(objectId, email, assignedTo, userPrincipalName)
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).equals(wanted));
    }

    private static String field(String name, String value) {
        String text = Objects.requireNonNullElse(value, "").strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidIncidentException("owner '" + name + "' is longer than " + MAX_LENGTH + " characters");
        }
        return text;
    }
}
