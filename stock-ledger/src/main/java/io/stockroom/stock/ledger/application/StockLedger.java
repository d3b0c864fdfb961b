package io.stockroom.stock.ledger.application;

import io.stockroom.stock.ledger.domain.AuditReport;
import io.stockroom.stock.ledger.domain.LedgerEntry;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.Provenance;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.stock.ledger.domain.StockLevel;

import java.util.List;
import java.util.Optional;

/**
 * Stock levels and their ledger. Every change is one atomic, guarded, idempotent update of one record plus its
 * ledger entry; there is no other way to change a stock level.
 */
public interface StockLedger {

    /** Applies the movement once (by operation id), or says why not. Safe to call again with the same movement. */
    MovementResult apply(Movement movement);

    /**
     * Applies several movements, each at most once and on its own terms, with as few writes as the store allows:
     * movements of one record share one guarded update, and those that do not fit (in the order given) are refused
     * while the rest apply. Operation ids must be distinct.
     *
     * @return one result per movement, in the same order
     */
    List<MovementResult> applyAll(List<Movement> movements);

    /**
     * As {@link #applyAll}, for operations the caller knows were never attempted: their ids derive from a document
     * the caller has just created, before which no such operation can exist. Skips the ledger look-up that catches
     * repeats (the markers still guard every update).
     */
    List<MovementResult> applyAllNew(List<Movement> movements);

    /** True when the operation changed {@code key}'s record (whether or not its ledger entry is written yet). */
    boolean isApplied(String operationId, StockKey key);

    /** Removes an empty record; refused while it holds or reserves units. */
    MovementResult removeRecord(String operationId, StockKey key, Provenance provenance);

    /** Sets the low-stock threshold of an existing record; empty when there is no record. */
    Optional<StockLevel> setLowStockThreshold(StockKey key, int threshold);

    Optional<StockLevel> level(StockKey key);

    /** Every record of a SKU, across locations. */
    List<StockLevel> levelsOf(String sku);

    /** The newest ledger entries of a SKU, newest first. */
    List<LedgerEntry> history(String sku, int limit);

    /** Recomputes every record from the ledger and lists up to {@code driftsListedMax} drifts. */
    AuditReport audit(int driftsListedMax);

    /** Writes ledger entries that a crash left only as markers on stock records; returns how many it completed. */
    int completePendingEntries();
}
