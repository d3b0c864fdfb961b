package io.stockroom.stock.ledger.domain;

import io.stockroom.contracts.stock.StockDrift;

import java.util.List;

/**
 * The result of recomputing every stock record from the ledger.
 *
 * @param invariantViolations records whose stored buckets break invariant 1 (negative, or available mismatch)
 */
public record AuditReport(int recordsChecked, List<StockDrift> drifts, int driftCount, int invariantViolations) {

    public AuditReport {
        drifts = List.copyOf(drifts);
    }

    public boolean isClean() {
        return driftCount == 0 && invariantViolations == 0;
    }
}
