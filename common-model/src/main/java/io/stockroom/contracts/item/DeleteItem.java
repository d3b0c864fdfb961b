package io.stockroom.contracts.item;

import io.stockroom.contracts.Require;

/**
 * Command: remove an item from the catalogue. Refused while any location still holds or reserves units of it, and
 * when the item is no longer at {@code expectedVersion}.
 */
public record DeleteItem(String commandId, String sku, long expectedVersion) implements ItemCommand {

    public DeleteItem {
        Require.id("commandId", commandId);
        Require.sku(sku);
        Require.nonNegative("expectedVersion", expectedVersion);
    }

    @Override
    public String subject() {
        return sku;
    }
}
