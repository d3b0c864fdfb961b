package io.stockroom.item.catalog.application;

import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.item.catalog.domain.Item;

import java.util.Optional;

/**
 * The stored catalogue. Every change is one conditional update that also remembers the command id, so a repeated
 * command is recognised even after other changes happened in between.
 */
public interface Items {

    Optional<Item> find(String sku);

    /** True when the command already changed this item. */
    boolean applied(String sku, String commandId);

    /** Inserts a new item at version 1; false if the SKU exists (deleted or not). */
    boolean insert(String sku, ItemDetails details, String commandId);

    /** Brings back a deleted item with new details; empty if it is not deleted any more. */
    Optional<Item> revive(String sku, ItemDetails details, String commandId);

    /** Replaces the details if the item is live and still at {@code expectedVersion}. */
    Optional<Item> update(String sku, long expectedVersion, ItemDetails details, String commandId);

    /** Marks a live item at {@code expectedVersion} as deleted. */
    Optional<Item> markDeleted(String sku, long expectedVersion, String commandId);
}
