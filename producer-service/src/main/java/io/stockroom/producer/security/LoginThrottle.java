package io.stockroom.producer.security;

import io.stockroom.producer.common.KeyedRateLimiter;

import java.time.Duration;
import java.util.Locale;

/**
 * Counts failed logins per account and per client address (token buckets that only failures drain). While either
 * bucket is empty, logins for that account or from that address are refused before the password is checked, which
 * caps both a targeted guess and a spray across many accounts.
 */
public final class LoginThrottle {

    private final KeyedRateLimiter accounts;
    private final KeyedRateLimiter addresses;

    /** Counted in this process only (unit tests). */
    public LoginThrottle(int accountFailuresMax, int addressFailuresMax, Duration window, int keysMax) {
        this(new KeyedRateLimiter(accountFailuresMax, window, keysMax),
                new KeyedRateLimiter(addressFailuresMax, window, keysMax));
    }

    /** Counted wherever the limiters count (in production: across every producer instance). */
    public LoginThrottle(KeyedRateLimiter accounts, KeyedRateLimiter addresses) {
        this.accounts = accounts;
        this.addresses = addresses;
    }

    /** Zero if a login may be tried now, otherwise how long until it may. */
    public Duration waitBeforeAttempt(String username, String address) {
        Duration account = accounts.waitFor(key(username));
        Duration client = addresses.waitFor(address);
        return account.compareTo(client) >= 0 ? account : client;
    }

    public void failed(String username, String address) {
        accounts.record(key(username));
        addresses.record(address);
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
