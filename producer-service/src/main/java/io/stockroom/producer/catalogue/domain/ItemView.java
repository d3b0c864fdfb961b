package io.stockroom.producer.catalogue.domain;

import io.stockroom.contracts.item.ItemDetails;

/**
 * An item as the read side knows it; {@code deleted} entries are tombstones (details may be null) kept so late
 * events cannot revive the item.
 */
public record ItemView(String sku, ItemDetails details, long version, boolean deleted) {
}
