package io.stockroom.producer.catalogue.domain;

import io.stockroom.contracts.item.Money;

/** One row of the catalogue listing; {@code available} sums the active locations. */
public record ItemSummary(String sku, String name, String brand, String category, Money price,
                          Availability availability, int available) {
}
