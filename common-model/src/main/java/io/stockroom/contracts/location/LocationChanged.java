package io.stockroom.contracts.location;

import io.stockroom.contracts.Require;

import java.time.Instant;

/**
 * Event: a location was registered, updated (name, type, priority), deactivated or reactivated. Carries the whole location so a read side can
 * rebuild it from this event alone. The owner's once-per-database re-announcement of every stored location (ADR 0009)
 * says {@code UPDATED}.
 */
public record LocationChanged(String code, String name, LocationType type, int priority, boolean active,
                              Change change, long version, Instant occurredAt) implements LocationEvent {

    public enum Change {
        REGISTERED,
        UPDATED,
        DEACTIVATED,
        REACTIVATED
    }

    public LocationChanged {
        Require.location("code", code);
        name = Require.text("name", name, 200);
        Require.notNull("type", type);
        Require.notNull("change", change);
        Require.nonNegative("version", version);
        Require.notNull("occurredAt", occurredAt);
    }
}
