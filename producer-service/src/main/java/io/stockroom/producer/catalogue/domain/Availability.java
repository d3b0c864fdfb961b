package io.stockroom.producer.catalogue.domain;

/** What a shopper sees about an item's stock. */
public enum Availability {
    IN_STOCK,
    LOW,
    OUT;

    /** OUT at zero, LOW at or below the threshold, IN_STOCK above it. */
    public static Availability of(int available, int lowStockThreshold) {
        if (available <= 0) {
            return OUT;
        }
        return available <= lowStockThreshold ? LOW : IN_STOCK;
    }
}
