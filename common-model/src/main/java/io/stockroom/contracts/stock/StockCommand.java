package io.stockroom.contracts.stock;

import io.stockroom.contracts.Command;

/** An admin change to stock levels, handled by stock-management-consumer. */
public sealed interface StockCommand extends Command
        permits ReceiveStock, AdjustStock, SetStockCount, RemoveStockRecord,
        TransferStock, SetLowStockThreshold, AuditStock {
}
