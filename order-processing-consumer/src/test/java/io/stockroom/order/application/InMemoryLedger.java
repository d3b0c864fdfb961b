package io.stockroom.order.application;

import io.stockroom.contracts.stock.StockLevels;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.AuditReport;
import io.stockroom.stock.ledger.domain.LedgerEntry;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.Provenance;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.stock.ledger.domain.StockLevel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stock ledger's rules in memory: every movement applies at most once per operation id, and only when
 * {@link Movement#refusalAgainst} allows it. Enough to test the order sagas without a store; the real ledger's own
 * tests cover its atomicity and crash recovery.
 */
final class InMemoryLedger implements StockLedger {

    private final Map<StockKey, StockLevel> levels = new HashMap<>();
    private final Map<String, LedgerEntry> entries = new LinkedHashMap<>();
    private final WriteBudget budget;

    InMemoryLedger() {
        this(new WriteBudget());
    }

    /** A ledger whose every applied movement spends one write of {@code budget} (the record and its entry at once). */
    InMemoryLedger(WriteBudget budget) {
        this.budget = budget;
    }

    synchronized void receive(StockKey key, int quantity) {
        apply(Movement.received("receipt-" + entries.size(), key, quantity,
                new Provenance("admin", "test", null, java.time.Instant.EPOCH)));
    }

    synchronized StockLevels levels(StockKey key) {
        return levels.get(key).levels();
    }

    synchronized List<String> operations() {
        return new ArrayList<>(entries.keySet());
    }

    @Override
    public synchronized MovementResult apply(Movement movement) {
        if (entries.containsKey(movement.operationId())) {
            return new MovementResult.AlreadyApplied(movement, levels.get(movement.key()));
        }
        StockLevel current = levels.get(movement.key());
        var refusal = movement.refusalAgainst(current);
        if (refusal.isPresent()) {
            return new MovementResult.Refused(movement, refusal.get(), current);
        }
        budget.write();
        StockLevel after = (current == null ? StockLevel.empty(movement.key()) : current).after(movement);
        levels.put(movement.key(), after);
        entries.put(movement.operationId(), LedgerEntry.of(movement));
        return new MovementResult.Applied(movement, after);
    }

    @Override
    public List<MovementResult> applyAll(List<Movement> movements) {
        return movements.stream().map(this::apply).toList();
    }

    @Override
    public List<MovementResult> applyAllNew(List<Movement> movements) {
        return applyAll(movements);
    }

    @Override
    public synchronized boolean isApplied(String operationId, StockKey key) {
        LedgerEntry entry = entries.get(operationId);
        return entry != null && entry.key().equals(key);
    }

    @Override
    public MovementResult removeRecord(String operationId, StockKey key, Provenance provenance) {
        throw new UnsupportedOperationException("orders never remove stock records");
    }

    @Override
    public Optional<StockLevel> setLowStockThreshold(StockKey key, int threshold) {
        throw new UnsupportedOperationException("orders never set thresholds");
    }

    @Override
    public synchronized Optional<StockLevel> level(StockKey key) {
        return Optional.ofNullable(levels.get(key));
    }

    @Override
    public synchronized List<StockLevel> levelsOf(String sku) {
        return levels.values().stream().filter(level -> level.key().sku().equals(sku)).toList();
    }

    @Override
    public List<LedgerEntry> history(String sku, int limit) {
        throw new UnsupportedOperationException("not needed by the order sagas");
    }

    @Override
    public AuditReport audit(int driftsListedMax) {
        throw new UnsupportedOperationException("not needed by the order sagas");
    }

    @Override
    public int completePendingEntries() {
        return 0;
    }
}
