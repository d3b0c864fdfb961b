package io.stockroom.producer.catalogue.domain;

import io.stockroom.contracts.item.ItemDetails;

import java.util.List;

/** An item with its stock per location (removed records left out). */
public record ItemDetail(String sku, ItemDetails details, long version, Availability availability, int available,
                         List<StockView> stock) {

    public ItemDetail {
        stock = List.copyOf(stock);
    }
}
