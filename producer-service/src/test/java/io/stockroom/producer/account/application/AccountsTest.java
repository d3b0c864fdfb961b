package io.stockroom.producer.account.application;

import io.stockroom.contracts.Role;
import io.stockroom.producer.account.domain.RegistrationResult;
import io.stockroom.producer.account.domain.UserAccount;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountsTest {

    /** The port's contract in memory: insert refuses an existing name. */
    private static final class UsersInMemory implements UserStore {
        final Map<String, UserAccount> users = new ConcurrentHashMap<>();

        @Override
        public Optional<UserAccount> find(String username) {
            return Optional.ofNullable(username == null ? null : users.get(username));
        }

        @Override
        public boolean insert(UserAccount account) {
            return users.putIfAbsent(account.username(), account) == null;
        }

        @Override
        public boolean replacePasswordHash(String username, String expectedHash, String newHash) {
            UserAccount current = users.get(username);
            return current != null && current.passwordHash().equals(expectedHash) && users.replace(username, current,
                    new UserAccount(username, newHash, current.roles(), current.enabled(), current.createdAt()));
        }

        @Override
        public long count() {
            return users.size();
        }

        @Override
        public boolean setEnabled(String username, boolean enabled) {
            return users.computeIfPresent(username, (name, account) -> new UserAccount(name,
                    account.passwordHash(), account.roles(), enabled, account.createdAt())) != null;
        }

        @Override
        public void lockUntil(String username, Instant until) {
            users.computeIfPresent(username, (name, account) -> new UserAccount(name, account.passwordHash(),
                    account.roles(), account.enabled(), account.createdAt(), until));
        }
    }

    private final UsersInMemory users = new UsersInMemory();
    private final Accounts accounts = new Accounts(users, raw -> "{test}" + raw.length(),
            Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void a_registered_user_is_a_lower_case_shopper_with_a_hashed_password() {
        RegistrationResult result = accounts.register("  Alice.B ", "correct horse battery");

        assertThat(result).isEqualTo(new RegistrationResult.Registered("alice.b"));
        UserAccount stored = users.users.get("alice.b");
        assertThat(stored.roles()).containsExactly(Role.USER);
        assertThat(stored.passwordHash()).isEqualTo("{test}21").doesNotContain("horse");
    }

    @Test
    void taken_names_bad_names_and_weak_passwords_are_results_not_errors() {
        accounts.register("alice", "correct horse battery");

        assertThat(accounts.register("ALICE", "another long password"))
                .isEqualTo(new RegistrationResult.UsernameTaken("alice"));
        assertThat(accounts.register("a!", "another long password"))
                .isInstanceOf(RegistrationResult.InvalidUsername.class);
        assertThat(accounts.register("bob", "short")).isInstanceOf(RegistrationResult.InvalidPassword.class);
        assertThat(accounts.register("bob", "x".repeat(129))).isInstanceOf(RegistrationResult.InvalidPassword.class);
        assertThat(accounts.register("bob", null)).isInstanceOf(RegistrationResult.InvalidPassword.class);
    }

    @Test
    void the_first_admin_is_created_once_and_an_existing_user_is_never_overwritten() {
        assertThat(accounts.ensureAdmin("Root", "a long admin password")).isTrue();
        assertThat(accounts.ensureAdmin("root", "a different password!")).isFalse();

        assertThat(users.users.get("root").roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.USER);
        assertThat(users.users.get("root").passwordHash()).isEqualTo("{test}21");
        assertThatThrownBy(() -> accounts.ensureAdmin("admin", "short")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Set.copyOf(users.users.keySet())).containsExactly("root");
    }

    @Test
    void an_account_is_disabled_and_enabled_by_any_spelling_of_its_name_and_an_unknown_one_is_reported() {
        accounts.register("alice", "correct horse battery");

        assertThat(accounts.setEnabled(" ALICE ", false)).isTrue();
        assertThat(accounts.find("alice").orElseThrow().enabled()).isFalse();
        assertThat(accounts.setEnabled("alice", true)).isTrue();
        assertThat(accounts.find("alice").orElseThrow().enabled()).isTrue();
        assertThat(accounts.setEnabled("nobody", false)).isFalse();
    }

    @Test
    void a_password_hash_is_replaced_only_while_it_is_still_the_one_verified() {
        accounts.register("alice", "correct horse battery");

        assertThat(accounts.replacePasswordHash("Alice", "{old}", "{argon2}new")).isFalse();
        assertThat(accounts.replacePasswordHash("Alice", "{test}21", "{argon2}new")).isTrue();
        assertThat(users.users.get("alice").passwordHash()).isEqualTo("{argon2}new");
        assertThat(accounts.replacePasswordHash("nobody", "{test}21", "{argon2}new")).isFalse();
    }
}
