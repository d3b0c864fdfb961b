package io.stockroom.contracts.stock;

import io.stockroom.contracts.Require;

/** Command: recompute every stock level from the ledger and report drift (architecture invariant 2). */
public record AuditStock(String commandId) implements StockCommand {

    public AuditStock {
        Require.id("commandId", commandId);
    }

    @Override
    public String subject() {
        return "all stock";
    }
}
