package io.stockroom.contracts.stock;

import io.stockroom.contracts.Require;

/** Command: drop the stock record of a (SKU, location). Only an empty record (nothing on hand or reserved) goes. */
public record RemoveStockRecord(String commandId, String sku, String location) implements StockCommand {

    public RemoveStockRecord {
        Require.id("commandId", commandId);
        Require.sku(sku);
        Require.location("location", location);
    }

    @Override
    public String subject() {
        return sku + "@" + location;
    }
}
