package dev.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil admin …}: users, role assignments, API keys and workspaces, through the running
 * server's API with an administrator's key, as {@code vigil query} does. {@code recover} works
 * offline on a stopped server's data directory.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = {"Administers users, role assignments, API keys and workspaces of a running Vigil server.",
                "Passwords are read from the terminal, or from standard input with --password-stdin; never from the command line."},
        subcommands = {AdminCommand.Users.class, AdminCommand.Roles.class, AdminCommand.Keys.class, AdminCommand.Workspaces.class,
                AdminRecoverCommand.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:unexpected failure", "2:bad command-line usage", "3:the server could not be reached",
                "4:the server refused the request (the message says why)", "5:no API key, or the server did not accept it"})
public final class AdminCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs one API call and prints its outcome, turning failures into exit codes. */
    abstract static class Verb implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        ServerConnectionOptions connection = new ServerConnectionOptions();

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            return connection.call(spec.commandLine().getErr(), api -> {
                run(api, out);
                out.flush();
                return 0;
            });
        }

        abstract void run(ApiClient api, PrintWriter out) throws CommandFailedException, InterruptedException;

        /** The password from standard input (first line) or, without --password-stdin, typed twice at the terminal. */
        String readPassword(boolean fromStdin) throws CommandFailedException {
            if (fromStdin) {
                try {
                    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    if (line == null || line.isEmpty()) {
                        throw new CommandFailedException(2, "no password on standard input");
                    }
                    return line;
                } catch (IOException e) {
                    throw new CommandFailedException(1, "cannot read the password from standard input: " + e.getMessage());
                }
            }
            java.io.Console console = System.console();
            if (console == null) {
                throw new CommandFailedException(2, "no terminal to ask for the password; pass it on standard input with --password-stdin");
            }
            char[] first = console.readPassword("Password: ");
            char[] second = console.readPassword("Password again: ");
            if (first == null || !Arrays.equals(first, second)) {
                throw new CommandFailedException(2, "the passwords differ");
            }
            return new String(first);
        }
    }

    static void table(PrintWriter out, JsonNode items, String... fields) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode item : items) {
            List<String> row = new ArrayList<>();
            for (String field : fields) {
                row.add(item.path(field).isMissingNode() || item.path(field).isNull() ? "" : item.path(field).asText());
            }
            rows.add(row);
        }
        out.print(TextTable.render(List.of(fields), rows));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Command(name = "user", mixinStandardHelpOptions = true, description = "Creates, lists and deletes users; resets passwords (needs Owner on /).",
            subcommands = {Users.Create.class, Users.ResetPassword.class, Users.ListUsers.class, Users.Delete.class})
    static final class Users {
        @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a user; asks for its password unless --no-password.")
        static final class Create extends Verb {
            @Parameters(paramLabel = "NAME", description = "Lower-case letters, digits, '.', '_', '@', '-'.")
            String name;

            @Option(names = "--password-stdin", description = "Reads the password from the first line of standard input.")
            boolean passwordStdin;

            @Option(names = "--no-password", description = "The user signs in only with API keys.")
            boolean noPassword;

            @Override
            void run(ApiClient api, PrintWriter out) throws CommandFailedException, InterruptedException {
                Map<String, Object> body = new HashMap<>();
                body.put("name", name);
                if (!noPassword) {
                    body.put("password", readPassword(passwordStdin));
                }
                JsonNode user = api.send("POST", "/api/users", body);
                out.println("created user " + user.path("name").asText());
            }
        }

        @Command(name = "reset-password", mixinStandardHelpOptions = true, description = "Sets a user's password and ends its sessions.")
        static final class ResetPassword extends Verb {
            @Parameters(paramLabel = "NAME")
            String name;

            @Option(names = "--password-stdin", description = "Reads the password from the first line of standard input.")
            boolean passwordStdin;

            @Override
            void run(ApiClient api, PrintWriter out) throws CommandFailedException, InterruptedException {
                api.send("PUT", "/api/users/" + encode(name) + "/password", Map.of("password", readPassword(passwordStdin)));
                out.println("password of " + name + " set; its sessions have ended");
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists users.")
        static final class ListUsers extends Verb {
            @Override
            void run(ApiClient api, PrintWriter out) throws CommandFailedException, InterruptedException {
                table(out, api.send("GET", "/api/users", null).path("users"), "name", "hasPassword", "createdAt", "passwordChangedAt");
            }
        }

        @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a user with its role assignments, keys and sessions.")
        static final class Delete extends Verb {
            @Parameters(paramLabel = "NAME")
            String name;

            @Override
            void run(ApiClient api, PrintWriter out) throws CommandFailedException, InterruptedException {
                api.send("DELETE", "/api/users/" + encode(name), null);
                out.println("deleted user " + name);
            }
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true,
            description = "Grants, revokes and lists roles on scopes: '/', '/workspaces/{id}', '/subscriptions/{id}' (needs Owner on the scope).",
            subcommands = {Roles.Grant.class, Roles.Revoke.class, Roles.ListRoles.class})
    static final class Roles {
        @Command(name = "grant", mixinStandardHelpOptions = true, description = "Grants a role: Reader, Responder, Contributor or Owner.")
        static final class Grant extends Verb {
            @Option(names = "--user", required = true, paramLabel = "NAME")
            String user;

            @Option(names = "--role", required = true, paramLabel = "ROLE")
            String role;

            @Option(names = "--scope", required = true, paramLabel = "SCOPE", description = "e.g. /workspaces/default")
            String scope;

            @Override
            void run(ApiClient api, PrintWriter out) throws CommandFailedException, InterruptedException {
                JsonNode assignment = api.send("POST", "/api/roleAssignments", Map.of("user", user, "role", role, "scope", scope));
                out.println("granted " + assignment.path("role").asText() + " on " + assignment.path("scope").asText() + " to "
                        + assignment.path("user").asText() + " (assignment " + assignment.path("id").asText() + ")");
            }
        }

        @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a role assignment by id ('role list' shows the ids).")
        static final class Revoke extends Verb {
            @Parameters(paramLabel = "ID")
            String id;

            @Override
            void run(ApiClient api, PrintWriter out) throws CommandFailedException, InterruptedException {
                JsonNode assignment = api.send("DELETE", "/api/roleAssignments/" + encode(id), null);
                out.println("revoked " + assignment.path("role").asText() + " on " + assignment.path("scope").asText() + " from "
                        + assignment.path("user").asText());
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the role assignments the key may see.")
        static final class ListRoles extends Verb {
            @Option(names = "--user", paramLabel = "NAME")
            String user;

            @Option(names = "--scope", paramLabel = "SCOPE")
            String scope;

            @Override
            void run(ApiClient api, PrintWriter out) throws CommandFailedException, InterruptedException {
                Map<String, String> query = new LinkedHashMap<>();
                if (user != null) {
                    query.put("user", user);
                }
                if (scope != null) {
                    query.put("scope", scope);
                }
                StringBuilder path = new StringBuilder("/api/roleAssignments");
                query.forEach((name, value) -> path.append(path.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(encode(value)));
                table(out, api.send("GET", path.toString(), null).path("roleAssignments"), "id", "user", "role", "scope", "createdBy");
            }
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true, description = "Creates, lists and revokes API keys (a user's own, or anyone's with Owner on /).",
            subcommands = {Keys.Create.class, Keys.ListKeys.class, Keys.Revoke.class})
    static final class Keys {
        @Command(name = "create", mixinStandardHelpOptions = true, description = "Issues a key and prints it once.")
        static final class Create extends Verb {
            @Option(names = "--user", required = true, paramLabel = "NAME")
            String user;

            @Option(names = "--description", paramLabel = "TEXT")
            String description = "";

            @Option(names = "--expires-in", paramLabel = "ISO", description = "e.g. P90D or PT12H; without it the key never expires.")
            Duration expiresIn;

            @Override
            void run(ApiClient api, PrintWriter out) throws CommandFailedException, InterruptedException {
                Map<String, Object> body = new HashMap<>();
                body.put("description", description);
                if (expiresIn != null) {
                    body.put("expiresAt", Instant.now().plus(expiresIn).toString());
                }
                JsonNode key = api.send("POST", "/api/users/" + encode(user) + "/keys", body);
                out.println("API key for " + user + " (shown once, store it now): " + key.path("key").asText());
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a user's keys (never their text).")
        static final class ListKeys extends Verb {
            @Option(names = "--user", required = true, paramLabel = "NAME")
            String user;

            @Override
            void run(ApiClient api, PrintWriter out) throws CommandFailedException, InterruptedException {
                table(out, api.send("GET", "/api/users/" + encode(user) + "/keys", null).path("keys"),
                        "id", "status", "description", "createdAt", "expiresAt", "lastUsedAt");
            }
        }

        @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a key by its id (the 16 hex digits after vgl_).")
        static final class Revoke extends Verb {
            @Option(names = "--user", required = true, paramLabel = "NAME")
            String user;

            @Parameters(paramLabel = "ID")
            String id;

            @Override
            void run(ApiClient api, PrintWriter out) throws CommandFailedException, InterruptedException {
                api.send("DELETE", "/api/users/" + encode(user) + "/keys/" + encode(id), null);
                out.println("revoked key " + id + " of " + user);
            }
        }
    }

    @Command(name = "workspace", mixinStandardHelpOptions = true, description = "Creates and lists workspaces.",
            subcommands = {Workspaces.Create.class, Workspaces.ListWorkspaces.class})
    static final class Workspaces {
        @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a workspace (needs Owner on /).")
        static final class Create extends Verb {
            @Parameters(paramLabel = "ID")
            String id;

            @Override
            void run(ApiClient api, PrintWriter out) throws CommandFailedException, InterruptedException {
                api.send("POST", "/api/workspaces", Map.of("id", id));
                out.println("workspace " + id + " ready");
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the workspaces the key holds a role on.")
        static final class ListWorkspaces extends Verb {
            @Override
            void run(ApiClient api, PrintWriter out) throws CommandFailedException, InterruptedException {
                table(out, api.send("GET", "/api/workspaces", null).path("workspaces"), "id");
            }
        }
    }
}
