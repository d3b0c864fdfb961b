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

    public boolean isEmpty() {
        return levels.onHand() == 0 && levels.reserved() == 0;
    }
}
