package io.stockroom.contracts.order;

/** How a line without a location gets one. */
public enum SourcingStrategy {
    /** The active location with the most units available for the SKU. */
    MOST_AVAILABLE,
    /** The active location with the lowest priority number that can serve the whole line. */
    PRIORITY
}
