package io.stockroom.contracts.stock;

import io.stockroom.contracts.Require;

/** Command: units arrived at a location (purchase order, inbound shipment); creates the stock record if needed. */
public record ReceiveStock(String commandId, String sku, String location, int quantity,
                           String reference) implements StockCommand {

    public ReceiveStock {
        Require.id("commandId", commandId);
        Require.sku(sku);
        Require.location("location", location);
        Require.positiveQuantity("quantity", quantity);
        reference = Require.optionalText("reference", reference, 200);
    }

    @Override
    public String subject() {
        return sku + "@" + location;
    }
}
