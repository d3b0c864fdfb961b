package io.stockroom.producer.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.stockroom.producer.common.KeyedRateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Counts failed logins per account and per client address (token buckets that only failures drain). While either
 * bucket is empty, password checks for that account or from that address are refused before the password is
 * checked, which caps both a targeted guess and a spray across many accounts.
 * <p>
 * An account whose failures ran out is also <em>locked</em>: {@link AccountLocks} records it on the account (every
 * instance then refuses it on its next request, remembered credentials or not: AccountStatusFilter reads the account
 * anyway), and this instance remembers it too. So a request with credentials verified moments ago, which needs no
 * password check, costs no look-up of the buckets.
 */
public final class LoginThrottle {

    /** Where an account's lock is recorded for every instance. */
    @FunctionalInterface
    public interface AccountLocks {
        void lockUntil(String username, Instant until);
    }

    /** Accounts locked here at once, at most: beyond that the oldest locks are forgotten here (not globally). */
    private static final int LOCKS_REMEMBERED_MAX = 10_000;

    private final KeyedRateLimiter accounts;
    private final KeyedRateLimiter addresses;
    private final AccountLocks locks;
    private final Clock clock;
    private final Cache<String, Instant> lockedHere = Caffeine.newBuilder().maximumSize(LOCKS_REMEMBERED_MAX).build();

    /** Counted in this process only (unit tests). */
    public LoginThrottle(int accountFailuresMax, int addressFailuresMax, Duration window, int keysMax) {
        this(new KeyedRateLimiter(accountFailuresMax, window, keysMax),
                new KeyedRateLimiter(addressFailuresMax, window, keysMax), (username, until) -> { },
                Clock.systemUTC());
    }

    /** Counted wherever the limiters count (in production: across every producer instance). */
    public LoginThrottle(KeyedRateLimiter accounts, KeyedRateLimiter addresses, AccountLocks locks, Clock clock) {
        this.accounts = accounts;
        this.addresses = addresses;
        this.locks = locks;
        this.clock = clock;
    }

    /** How long the account is still locked as far as this instance knows, without asking the store. */
    public Duration lockedHereFor(String username) {
        Instant until = lockedHere.getIfPresent(key(username));
        Instant now = clock.instant();
        return until == null || !until.isAfter(now) ? Duration.ZERO : Duration.between(now, until);
    }

    /** Zero if a login may be tried now, otherwise how long until it may. */
    public Duration waitBeforeAttempt(String username, String address) {
        Duration account = accounts.waitFor(key(username));
        Duration client = addresses.waitFor(address);
        return account.compareTo(client) >= 0 ? account : client;
    }

    public void failed(String username, String address) {
        String key = key(username);
        accounts.record(key);
        addresses.record(address);
        Duration locked = accounts.waitFor(key);
        if (!locked.isZero()) {
            Instant until = clock.instant().plus(locked);
            lockedHere.put(key, until);
            locks.lockUntil(key, until);
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
