package io.stockroom.contracts.item;

import io.stockroom.contracts.Require;

import java.time.Instant;

/** Event: the item now has these details at this version. */
public record ItemCreated(String sku, ItemDetails details, long version, Instant occurredAt) implements ItemEvent {

    public ItemCreated {
        Require.sku(sku);
        Require.notNull("details", details);
        Require.nonNegative("version", version);
        Require.notNull("occurredAt", occurredAt);
    }
}
