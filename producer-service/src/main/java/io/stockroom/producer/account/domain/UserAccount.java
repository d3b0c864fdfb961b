package io.stockroom.producer.account.domain;

import io.stockroom.contracts.Role;

import java.time.Instant;
import java.util.Set;

/** A stored user: the name is the id (lower case), the password only as a delegating-encoder hash. */
public record UserAccount(String username, String passwordHash, Set<Role> roles, boolean enabled, Instant createdAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
