package io.stockroom.contracts.stock;

/**
 * Why a stock record changed; every ledger entry and StockChanged event carries one. All but
 * {@link #THRESHOLD_CHANGED} move units; that one only changes the record's low-stock threshold.
 */
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
    RECORD_REMOVED,
    THRESHOLD_CHANGED
}
