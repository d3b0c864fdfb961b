package io.stockroom.contracts.stock;

import io.stockroom.contracts.Event;

/** A change to stock levels, published by whichever service moved the stock. */
public sealed interface StockEvent extends Event
        permits StockChanged, StockRecordRemoved, StockAlert, StockAuditCompleted {
}
