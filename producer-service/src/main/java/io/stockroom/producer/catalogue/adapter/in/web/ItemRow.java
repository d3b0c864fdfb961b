package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.producer.catalogue.domain.ItemSummary;
import io.stockroom.producer.web.Formats;

/** One item of a listing as the templates show it. */
public record ItemRow(String sku, String name, String brand, String category, String price, String availability,
                      int available) {

    public static ItemRow of(ItemSummary item) {
        return new ItemRow(item.sku(), item.name(), item.brand(), item.category(), Formats.money(item.price()),
                item.availability().name(), item.available());
    }
}
