package io.stockroom.stock.ledger.domain;

import io.stockroom.contracts.Require;

/** Identifies one stock record: a SKU at a location. Its document id is {@code SKU@LOCATION}. */
public record StockKey(String sku, String location) {

    public StockKey {
        Require.sku(sku);
        Require.location("location", location);
    }

    public String id() {
        return sku + "@" + location;
    }

    public static StockKey parse(String id) {
        int at = id.indexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("not a stock id: " + id);
        }
        return new StockKey(id.substring(0, at), id.substring(at + 1));
    }

    @Override
    public String toString() {
        return id();
    }
}
