package io.stockroom.stock.audit.application;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.stock.AuditStock;
import io.stockroom.contracts.stock.StockAuditCompleted;
import io.stockroom.stock.CommandContext;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.AuditReport;

import java.util.List;

/** Recomputes every stock level from the ledger on an admin's request and reports drift. */
public final class StockAudit {

    private final StockLedger ledger;

    public StockAudit(StockLedger ledger) {
        this.ledger = ledger;
    }

    public List<Event> run(AuditStock command, CommandContext context) {
        AuditReport report = ledger.audit(StockAuditCompleted.DRIFTS_LISTED_MAX);
        String detail = report.recordsChecked() + " records checked, " + report.driftCount() + " drifted, "
                + report.invariantViolations() + " break the level invariant";
        return List.of(new StockAuditCompleted(command.commandId(), report.recordsChecked(), report.drifts(),
                        report.driftCount() > report.drifts().size(), context.now()),
                CommandOutcome.applied(command, detail, context.now()));
    }
}
