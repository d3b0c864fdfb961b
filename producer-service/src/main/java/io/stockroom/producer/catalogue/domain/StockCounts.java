package io.stockroom.producer.catalogue.domain;

/**
 * The catalogue's stock figures, each defined once and shown the same way everywhere: items (not stock records)
 * by their {@link Availability}, which compares the units available at active locations with the item's low-stock
 * level. An item never stocked has 0 available and counts as out of stock.
 *
 * @param locationsBelowLevel stock records (item at a location) at or below their own level: a different count,
 *                            labelled as such where it is shown
 */
public record StockCounts(long items, long inStock, long low, long out, long locationsBelowLevel) {
}
