package io.stockroom.contracts.stock;

import io.stockroom.contracts.Require;

/**
 * Command: compare-and-set the on-hand count (an ERP sync or a full recount). Applied only if on-hand still equals
 * {@code expectedOnHand}, and never below what is reserved.
 */
public record SetStockCount(String commandId, String sku, String location, int expectedOnHand, int newOnHand,
                            String note) implements StockCommand {

    public SetStockCount {
        Require.id("commandId", commandId);
        Require.sku(sku);
        Require.location("location", location);
        Require.count("expectedOnHand", expectedOnHand);
        Require.count("newOnHand", newOnHand);
        note = Require.optionalText("note", note, 500);
    }

    @Override
    public String subject() {
        return sku + "@" + location;
    }
}
