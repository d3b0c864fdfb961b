package io.stockroom.producer.account.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.stockroom.producer.account.domain.Credentials;
import io.stockroom.producer.account.domain.UserAccount;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@link AccountStatusFilter} knows of each account, for at most {@link #TTL}. Reading the account on every
 * request cost a store round trip per API read (22 % of the producer's CPU on the item page, capping it near 5,000
 * requests/s). An account's change is announced ({@code AccountChanged}) to every producer instance, which forgets
 * the account at once; the short TTL bounds what a lost announcement (a broker outage) can leave behind.
 */
public final class AccountStatusCache {

    /** The longest an instance may act on an account it has not re-read, should an announcement be lost. */
    public static final Duration TTL = Duration.ofSeconds(1);
    private static final int ACCOUNTS_MAX = 100_000;

    private final UserStore users;
    private final Cache<String, Optional<UserAccount>> known = Caffeine.newBuilder().maximumSize(ACCOUNTS_MAX)
            .expireAfterWrite(TTL).build();

    public AccountStatusCache(UserStore users) {
        this.users = users;
    }

    public Optional<UserAccount> find(String username) {
        String name = Credentials.normalise(username);
        return known.get(name, users::find);
    }

    /** The account changed (here or on another instance): read it again on its next request. */
    public void forget(String username) {
        known.invalidate(Credentials.normalise(username));
    }
}
