package io.stockroom.contracts.stock;

/** Why a stock level moved; every ledger entry and StockChanged event carries one. */
public enum MovementKind {
    RECEIVED,
    ADJUSTED,
    COUNT_SET,
    TRANSFERRED_OUT,
    TRANSFERRED_IN,
    TRANSFER_REVERSED,
    RESERVED,
    RELEASED,
    FULFILLED,
    RECORD_REMOVED
}
