package io.stockroom.stock.ledger.domain;

/** Why a movement was not applied. Each is a business outcome reported to whoever asked, never an error. */
public enum Refusal {
    /** Not enough units available (on hand minus reserved) for a decrease or reservation. */
    INSUFFICIENT_AVAILABLE,
    /** Fewer units reserved than the release or fulfilment asks for. */
    INSUFFICIENT_RESERVED,
    /** A compare-and-set found a different on-hand count than expected. */
    COUNT_MISMATCH,
    /** There is no stock record for this SKU at this location. */
    NO_STOCK_RECORD,
    /** The record still holds or reserves units, so it cannot be removed. */
    RECORD_NOT_EMPTY
}
