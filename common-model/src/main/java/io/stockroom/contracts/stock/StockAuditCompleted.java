package io.stockroom.contracts.stock;

import io.stockroom.contracts.Require;

import java.time.Instant;
import java.util.List;

/** Event: an audit compared {@code recordsChecked} stock records with the ledger and found these drifts. */
public record StockAuditCompleted(String commandId, int recordsChecked, List<StockDrift> drifts,
                                  boolean driftsTruncated, Instant occurredAt) implements StockEvent {

    /** At most this many drifts are listed; the count of records checked is always complete. */
    public static final int DRIFTS_LISTED_MAX = 1_000;

    public StockAuditCompleted {
        Require.id("commandId", commandId);
        Require.nonNegative("recordsChecked", recordsChecked);
        drifts = List.copyOf(Require.size("drifts", drifts, 0, DRIFTS_LISTED_MAX));
        Require.notNull("occurredAt", occurredAt);
    }
}
