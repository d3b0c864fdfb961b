package io.stockroom.contracts.account;

import io.stockroom.contracts.Require;

import java.time.Instant;

/**
 * Event: an account was enabled, disabled or locked. Every producer instance forgets what it remembered of the
 * account at once, so the change holds on all of them within the event's delivery, not only the one that made it.
 *
 * @param lockedUntil until when too many wrong passwords lock the account; null when it is not locked
 */
public record AccountChanged(String username, boolean enabled, Instant lockedUntil, Instant occurredAt)
        implements AccountEvent {

    public AccountChanged {
        Require.id("username", username);
        Require.notNull("occurredAt", occurredAt);
    }
}
