package io.stockroom.contracts.stock;

import io.stockroom.contracts.Require;

/** Command: the available level at or below which this (SKU, location) is reported as low on stock. */
public record SetLowStockThreshold(String commandId, String sku, String location,
                                   int threshold) implements StockCommand {

    public SetLowStockThreshold {
        Require.id("commandId", commandId);
        Require.sku(sku);
        Require.location("location", location);
        Require.count("threshold", threshold);
    }

    @Override
    public String subject() {
        return sku + "@" + location;
    }
}
