package dev.vigil.server.access;

import java.util.regex.Pattern;

/**
 * What a role is granted on, written as a path in the style of Azure resource ids:
 * {@code /} (the whole installation), {@code /workspaces/{id}} or {@code /subscriptions/{id}}.
 * Roles on {@code /} apply to every workspace and subscription.
 */
public sealed interface Scope permits Scope.Root, Scope.Workspace, Scope.Subscription {
    Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

    /** The installation: users, workspaces, metrics, and everything below. */
    record Root() implements Scope {
        @Override
        public String path() {
            return "/";
        }

        @Override
        public String describe() {
            return "the root scope '/'";
        }
    }

    record Workspace(String id) implements Scope {
        @Override
        public String path() {
            return "/workspaces/" + id;
        }

        @Override
        public String describe() {
            return "workspace '" + id + "'";
        }
    }

    /** An IoT subscription: its hubs, devices and security settings, and its connection to a workspace. */
    record Subscription(String id) implements Scope {
        @Override
        public String path() {
            return "/subscriptions/" + id;
        }

        @Override
        public String describe() {
            return "subscription '" + id + "'";
        }
    }

    Scope ROOT = new Root();

    static Scope workspace(String id) {
        return new Workspace(id);
    }

    static Scope subscription(String id) {
        return new Subscription(id);
    }

    /** Parses {@code /}, {@code /workspaces/{id}} or {@code /subscriptions/{id}}. */
    static Scope parse(String path) {
        if ("/".equals(path)) {
            return ROOT;
        }
        if (path != null) {
            String[] parts = path.split("/", -1);
            if (parts.length == 3 && parts[0].isEmpty() && ID.matcher(parts[2]).matches()) {
                if (parts[1].equals("workspaces")) {
                    return new Workspace(parts[2]);
                }
                if (parts[1].equals("subscriptions")) {
                    return new Subscription(parts[2]);
                }
            }
        }
        throw new InvalidRoleAssignmentException("scope '" + path
                + "' is not valid: use '/', '/workspaces/{id}' or '/subscriptions/{id}'");
    }

    /** The canonical text form, e.g. {@code /workspaces/default}. */
    String path();

    /** How messages name the scope, e.g. {@code workspace 'default'}. */
    String describe();
}
