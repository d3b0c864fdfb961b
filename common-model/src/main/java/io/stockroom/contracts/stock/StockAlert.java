package io.stockroom.contracts.stock;

import io.stockroom.contracts.Require;

import java.time.Instant;

/**
 * Event: a (SKU, location) crossed a boundary. {@link Kind#LOW_STOCK} when available falls to the threshold or
 * below, {@link Kind#OUT_OF_STOCK} when it reaches zero, {@link Kind#BACK_IN_STOCK} when it rises from zero.
 * Published under the routing keys {@code stock.low}, {@code stock.out} and {@code stock.back-in}.
 */
public record StockAlert(Kind kind, String sku, String location, int available, int threshold, long version,
                         Instant occurredAt) implements StockEvent {

    public enum Kind {
        LOW_STOCK,
        OUT_OF_STOCK,
        BACK_IN_STOCK
    }

    public StockAlert {
        Require.notNull("kind", kind);
        Require.sku(sku);
        Require.location("location", location);
        Require.count("available", available);
        Require.count("threshold", threshold);
        Require.nonNegative("version", version);
        Require.notNull("occurredAt", occurredAt);
    }
}
