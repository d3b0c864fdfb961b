package io.stockroom.contracts.item;

import io.stockroom.contracts.Event;

/** A change to the item catalogue, published by add-item-consumer. */
public sealed interface ItemEvent extends Event permits ItemCreated, ItemUpdated, ItemDeleted {
}
