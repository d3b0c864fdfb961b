package io.stockroom.contracts.stock;

import io.stockroom.contracts.Require;

/** One (SKU, location) whose stored levels differ from the sum of its ledger. */
public record StockDrift(String sku, String location, int storedOnHand, int storedReserved, long ledgerOnHand,
                         long ledgerReserved) {

    public StockDrift {
        Require.sku(sku);
        Require.location("location", location);
    }
}
