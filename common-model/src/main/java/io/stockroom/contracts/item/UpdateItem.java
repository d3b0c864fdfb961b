package io.stockroom.contracts.item;

import io.stockroom.contracts.Require;

/**
 * Command: replace an item's details. Optimistic concurrency: applied only if the item is still at
 * {@code expectedVersion}; otherwise rejected as stale, so two admins never silently overwrite each other.
 */
public record UpdateItem(String commandId, String sku, long expectedVersion,
                         ItemDetails details) implements ItemCommand {

    public UpdateItem {
        Require.id("commandId", commandId);
        Require.sku(sku);
        Require.nonNegative("expectedVersion", expectedVersion);
        Require.notNull("details", details);
    }

    @Override
    public String subject() {
        return sku;
    }
}
