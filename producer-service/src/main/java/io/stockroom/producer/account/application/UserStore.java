package io.stockroom.producer.account.application;

import io.stockroom.producer.account.domain.UserAccount;

import java.time.Instant;
import java.util.Optional;

/** Where users live (the {@code users} collection). */
public interface UserStore {

    Optional<UserAccount> find(String username);

    /** @return false when a user of that name already exists (nothing is changed then) */
    boolean insert(UserAccount account);

    /** @return false when the user does not exist or its hash is no longer {@code expectedHash} */
    boolean replacePasswordHash(String username, String expectedHash, String newHash);

    long count();

    /** @return false when no user has that name */
    boolean setEnabled(String username, boolean enabled);

    /** Locks the account until {@code until}, or keeps a lock that lasts longer. */
    void lockUntil(String username, Instant until);
}
