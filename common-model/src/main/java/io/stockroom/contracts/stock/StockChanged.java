package io.stockroom.contracts.stock;

import io.stockroom.contracts.Require;

import java.time.Instant;

/**
 * Event: a (SKU, location) now has these levels at this version. A read side keeps the entry with the highest
 * version, so late or duplicated events never overwrite newer data.
 *
 * @param operationId the id of the ledger entry for this change
 */
public record StockChanged(String sku, String location, StockLevels levels, int lowStockThreshold, long version,
                           String operationId, MovementKind kind, Instant occurredAt) implements StockEvent {

    public StockChanged {
        Require.sku(sku);
        Require.location("location", location);
        Require.notNull("levels", levels);
        Require.count("lowStockThreshold", lowStockThreshold);
        Require.nonNegative("version", version);
        Require.text("operationId", operationId, 200);
        Require.notNull("kind", kind);
        Require.notNull("occurredAt", occurredAt);
    }
}
