package io.stockroom.stock.ledger.domain;

import io.stockroom.contracts.stock.StockLevels;

/**
 * A stock record as stored: its buckets, the level at which it counts as low, and a version that grows with every
 * change so read sides keep only the newest.
 */
public record StockLevel(StockKey key, StockLevels levels, int lowStockThreshold, long version) {

    public int available() {
        return levels.available();
    }

    /** A record as a receipt finds it before creating it: nothing on hand, nothing reserved, version zero. */
    public static StockLevel empty(StockKey key) {
        return new StockLevel(key, new StockLevels(0, 0, 0), 0, 0);
    }

    /** The record as it would be after {@code movement}, which the caller checked it allows. */
    public StockLevel after(Movement movement) {
        return new StockLevel(key, new StockLevels(levels.onHand() + movement.onHandDelta(),
                levels.reserved() + movement.reservedDelta(), levels.available() + movement.availableDelta()),
                lowStockThreshold, version + 1);
    }

    public boolean isEmpty() {
        return levels.onHand() == 0 && levels.reserved() == 0;
    }
}
