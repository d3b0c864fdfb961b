package io.stockroom.producer.account.domain;

import io.stockroom.contracts.Role;

import java.time.Instant;
import java.util.Set;

/**
 * A stored user: the name is the id (lower case), the password only as a delegating-encoder hash.
 *
 * @param lockedUntil until when too many wrong passwords lock the account, on every instance; null when never
 */
public record UserAccount(String username, String passwordHash, Set<Role> roles, boolean enabled, Instant createdAt,
                          Instant lockedUntil) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public UserAccount(String username, String passwordHash, Set<Role> roles, boolean enabled, Instant createdAt) {
        this(username, passwordHash, roles, enabled, createdAt, null);
    }

    /** True while the account's lock lasts at {@code now}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
