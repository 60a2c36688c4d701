package dev.vigil.server.identity;

import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Local user accounts, kept in the state store with Argon2id password hashes. */
public final class UserStore {
    static final String COLLECTION = "users";
    /** Lower case so that "Alice" and "alice" cannot be two accounts. */
    public static final int MAX_NAME_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0," + (MAX_NAME_LENGTH - 1) + "}");
    private static final PasswordPolicy PASSWORDS = new PasswordPolicy(CommonPasswords.shipped());

    private final DocumentCollection<User> users;
    private final Clock clock;

    public UserStore(StateStore state, Clock clock) {
        this.users = state.collection(COLLECTION, User.class);
        this.clock = clock;
    }

    public boolean isEmpty() {
        return users.list().isEmpty();
    }

    public List<User> list() {
        return users.list();
    }

    public Optional<User> find(String name) {
        return name == null ? Optional.empty() : users.get(name);
    }

    public User require(String name) {
        return find(name).orElseThrow(() -> new UserNotFoundException("there is no user '" + name + "'"));
    }

    /** Creates a user; without a password the user signs in only with API keys. */
    public synchronized User create(String name, Optional<String> password) {
        checkName(name);
        if (users.get(name).isPresent()) {
            throw new UserExistsException("a user named '" + name + "' exists already");
        }
        var now = clock.instant();
        User user = new User(name, password.map(p -> hashChecked(name, p)).orElse(null), now, password.isPresent() ? now : null);
        users.put(name, user);
        return user;
    }

    public synchronized User setPassword(String name, String password) {
        User user = require(name);
        User changed = new User(user.name(), hashChecked(name, password), user.createdAt(), clock.instant());
        users.put(name, changed);
        return changed;
    }

    public synchronized boolean delete(String name) {
        return users.delete(name);
    }

    /**
     * The user if the password is theirs. An unknown user costs one Argon2id verification too, so
     * the answer's timing does not tell which names exist.
     */
    public Optional<User> verifyPassword(String name, String password) {
        Optional<User> user = find(name).filter(User::hasPassword);
        String stored = user.map(User::passwordHash).orElse(PasswordHash.DECOY);
        boolean matches = password != null && password.length() <= PasswordPolicy.MAX_LENGTH && PasswordHash.verify(password, stored);
        return matches ? user : Optional.empty();
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidIdentityArgumentException("user name '" + name
                    + "' is not valid: use 1 to 64 lower-case letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
    }

    private static String hashChecked(String name, String password) {
        PASSWORDS.check(name, password);
        return PasswordHash.hash(password);
    }
}
