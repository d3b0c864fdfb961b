package io.stockroom.contracts.item;

import io.stockroom.contracts.Require;

import java.time.Instant;

/** Event: the item left the catalogue; {@code version} is the tombstone's, so a late update cannot revive it. */
public record ItemDeleted(String sku, long version, Instant occurredAt) implements ItemEvent {

    public ItemDeleted {
        Require.sku(sku);
        Require.nonNegative("version", version);
        Require.notNull("occurredAt", occurredAt);
    }
}
