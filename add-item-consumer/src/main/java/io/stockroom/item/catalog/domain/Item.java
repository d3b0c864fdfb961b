package io.stockroom.item.catalog.domain;

import io.stockroom.contracts.item.ItemDetails;

/**
 * An item of the catalogue. A deleted item stays as a tombstone with its version, so late or repeated commands
 * cannot bring back a stale copy; creating the SKU again revives it with a higher version.
 */
public record Item(String sku, ItemDetails details, long version, boolean deleted) {
}
