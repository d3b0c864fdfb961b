package io.stockroom.contracts.item;

import io.stockroom.contracts.Command;

/** A change to the item catalogue, handled by add-item-consumer. */
public sealed interface ItemCommand extends Command permits CreateItem, UpdateItem, DeleteItem {
}
