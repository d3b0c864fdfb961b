package io.stockroom.producer.catalogue.domain;

/** Stock of one item at one location; {@code removed} entries are tombstones of removed records. */
public record StockView(String location, int onHand, int reserved, int available, int lowStockThreshold,
                        long version, boolean removed) {
}
