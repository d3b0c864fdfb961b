package io.stockroom.contracts.stock;

import io.stockroom.contracts.Require;

import java.time.Instant;

/** Event: the (empty) stock record of a (SKU, location) was removed. */
public record StockRecordRemoved(String sku, String location, long version, Instant occurredAt) implements StockEvent {

    public StockRecordRemoved {
        Require.sku(sku);
        Require.location("location", location);
        Require.nonNegative("version", version);
        Require.notNull("occurredAt", occurredAt);
    }
}
