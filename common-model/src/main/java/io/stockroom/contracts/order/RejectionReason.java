package io.stockroom.contracts.order;

/** Why a line of an order could not be reserved. */
public enum RejectionReason {
    /** Fewer units available than asked for (including none at all). */
    OUT_OF_STOCK,
    /** No such item in the catalogue, or no stock record for it anywhere. */
    UNKNOWN_SKU,
    /** The named location does not exist. */
    UNKNOWN_LOCATION,
    /** The named location exists but is deactivated. */
    LOCATION_INACTIVE,
    /** This line could have been served, but another line failed, so its units were released (all or nothing). */
    RELEASED_OTHER_LINE_FAILED
}
