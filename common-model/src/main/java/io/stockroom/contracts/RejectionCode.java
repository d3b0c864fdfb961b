package io.stockroom.contracts;

/**
 * Why a service refused a command: the stable, machine-readable part of a rejected {@link CommandOutcome}. The
 * outcome's detail says the same for people.
 */
public enum RejectionCode {
    /** CreateItem: the SKU is taken by a live item. */
    SKU_EXISTS,
    /** The item or stock record is not at the version the command expected. */
    STALE_VERSION,
    /** No live item has this SKU. */
    UNKNOWN_SKU,
    /** DeleteItem: units of the item are still held or reserved somewhere. */
    ITEM_HAS_STOCK,
    /** CreateLocation: the code is taken. */
    LOCATION_EXISTS,
    /** There is no location with this code. */
    UNKNOWN_LOCATION,
    /** The location is deactivated and takes no stock changes. */
    LOCATION_INACTIVE,
    /** Not enough units available (on hand minus reserved). */
    INSUFFICIENT_AVAILABLE,
    /** Fewer units reserved than the change needs. */
    INSUFFICIENT_RESERVED,
    /** A stock count found a different on-hand figure than the counter expected. */
    COUNT_MISMATCH,
    /** There is no stock record for this SKU at this location. */
    NO_STOCK_RECORD,
    /** The stock record still holds or reserves units. */
    RECORD_NOT_EMPTY,
    /** There is no order with this id that the sender may see. */
    ORDER_NOT_FOUND,
    /** The order's status does not allow the change (only a confirmed order can be cancelled or shipped). */
    INVALID_TRANSITION
}
