package io.stockroom.producer.account.application;

import io.stockroom.contracts.Role;
import io.stockroom.producer.account.domain.Credentials;
import io.stockroom.producer.account.domain.RegistrationResult;
import io.stockroom.producer.account.domain.UserAccount;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Registration and the first admin. Users who register are shoppers (role USER); admins come from configuration. */
public final class Accounts {

    /** Told of every change to an account's status, to announce it to every producer instance. */
    @FunctionalInterface
    public interface StatusChanges {
        void changed(String username);
    }

    private final UserStore users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final StatusChanges changes;

    public Accounts(UserStore users, PasswordHasher hasher, Clock clock) {
        this(users, hasher, clock, username -> { });
    }

    public Accounts(UserStore users, PasswordHasher hasher, Clock clock, StatusChanges changes) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
        this.changes = changes;
    }

    /** Registers a shopper; the name is lower-cased. Never throws for bad input: the result says what was wrong. */
    public RegistrationResult register(String username, String password) {
        String name = Credentials.normalise(username);
        Optional<String> usernameProblem = Credentials.usernameProblem(name);
        if (usernameProblem.isPresent()) {
            return new RegistrationResult.InvalidUsername(usernameProblem.get());
        }
        Optional<String> passwordProblem = Credentials.passwordProblem(password);
        if (passwordProblem.isPresent()) {
            return new RegistrationResult.InvalidPassword(passwordProblem.get());
        }
        boolean created = users.insert(new UserAccount(name, hasher.hash(password), Set.of(Role.USER), true,
                clock.instant()));
        return created ? new RegistrationResult.Registered(name) : new RegistrationResult.UsernameTaken(name);
    }

    /**
     * Creates an admin of that name if no user has it yet; an existing user is left alone (the password in the
     * environment only seeds the first start).
     *
     * @return true if the admin was created now
     */
    public boolean ensureAdmin(String username, String password) {
        String name = Credentials.normalise(username);
        Credentials.usernameProblem(name).ifPresent(problem -> {
            throw new IllegalArgumentException("admin username: " + problem);
        });
        Credentials.passwordProblem(password).ifPresent(problem -> {
            throw new IllegalArgumentException("admin password: " + problem);
        });
        if (users.find(name).isPresent()) {
            return false;
        }
        return users.insert(new UserAccount(name, hasher.hash(password), Set.of(Role.ADMIN, Role.USER), true,
                clock.instant()));
    }

    /**
     * Stores a new hash of the same password (a stronger algorithm or setting) if the stored one is still
     * {@code expectedHash}.
     *
     * @return true if it was replaced
     */
    public boolean replacePasswordHash(String username, String expectedHash, String newHash) {
        return users.replacePasswordHash(Credentials.normalise(username), expectedHash, newHash);
    }

    public Optional<UserAccount> find(String username) {
        return users.find(Credentials.normalise(username));
    }

    /**
     * Enables or disables an account. A disabled account is refused on every producer instance from its next request
     * on (the account is checked on each request, see AccountStatusFilter), whatever session or cached credentials
     * it holds.
     *
     * @return false when no user has that name
     */
    public boolean setEnabled(String username, boolean enabled) {
        String name = Credentials.normalise(username);
        boolean found = users.setEnabled(name, enabled);
        if (found) {
            changes.changed(name);
        }
        return found;
    }

    /**
     * Locks an account whose failed logins ran out (LoginThrottle), so that every instance refuses it from its next
     * request on, remembered credentials or not (AccountStatusFilter reads the account on each request anyway).
     */
    public void lockUntil(String username, Instant until) {
        String name = Credentials.normalise(username);
        users.lockUntil(name, until);
        changes.changed(name);
    }
}
