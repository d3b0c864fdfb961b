package io.stockroom.producer.account.application;

import io.stockroom.producer.account.domain.UserAccount;

import java.util.Optional;

/** Where users live (the {@code users} collection). */
public interface UserStore {

    Optional<UserAccount> find(String username);

    /** @return false when a user of that name already exists (nothing is changed then) */
    boolean insert(UserAccount account);

    /** @return false when the user does not exist or its hash is no longer {@code expectedHash} */
    boolean replacePasswordHash(String username, String expectedHash, String newHash);

    long count();
}
