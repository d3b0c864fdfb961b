package io.stockroom.contracts.item;

import io.stockroom.contracts.Require;

/** Command: add an item to the catalogue. Refused if the SKU already names a different item. */
public record CreateItem(String commandId, String sku, ItemDetails details) implements ItemCommand {

    public CreateItem {
        Require.id("commandId", commandId);
        Require.sku(sku);
        Require.notNull("details", details);
    }

    @Override
    public String subject() {
        return sku;
    }
}
