package io.stockroom.producer.catalogue.domain;

/** A (SKU, location) at or below its low-stock threshold, or out of stock. */
public record StockAlertView(String sku, String name, String location, int available, int lowStockThreshold,
                             Availability level) {
}
